package org.ferret.prints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.ferret.printfiles.corpus.Corpus;
import org.ferret.printfiles.corpus.MeshWriters;
import org.ferret.printfiles.corpus.Slicer;
import org.ferret.printfiles.corpus.Transforms;
import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A reviewer opens a blocked file from the queue, reads the evidence, sees the part in the 3D preview (a canvas drawn
 * by three.js) and records a decision; the screens fit a 400 px and a 1366 px window. The known part is a procedural
 * stand-in from the library's evaluation corpus (no firearm file).
 */
@FerretIntegrationTest
class PrintReviewBrowserIT extends BrowserTest {

    @SuppressWarnings("unchecked")
    private String blockedFile(String name) {
        Corpus.Part part = Corpus.knownParts(1, 4242).get(0);
        var add = PrintsIT.file("standin-" + name, MeshWriters.binaryStl(part.mesh()));
        add.add("partType", "stand-in receiver");
        add.add("source", "evaluation corpus, seed 4242");
        assertThat(PrintsIT.post(api("printreview"), "/api/v1/prints/library", add).getStatusCode().value()).isEqualTo(200);
        byte[] turned = MeshWriters.binaryStl(Transforms.rotateAndMove(part.mesh(), 3, true));
        var screened = PrintsIT.post(api("printshop"), "/api/v1/prints/screen", PrintsIT.file(name, turned));
        assertThat(screened.getBody().get("verdict")).isEqualTo("block");
        return (String) screened.getBody().get("screeningId");
    }

    @Test
    void a_reviewer_opens_a_blocked_file_sees_evidence_and_preview_and_decides() {
        String id = blockedFile("order-1187.stl");
        signIn("printreview");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Print reviews")).click();
        page.locator("#queue a", new Page.LocatorOptions().setHasText("order-1187.stl")).first().click();
        page.waitForURL(base + "/prints/reviews/" + id);
        assertThat(page.locator("#verdict").textContent()).contains("Block");
        assertThat(page.locator("#evidence").textContent()).contains("Design match").contains("known part KP-");
        page.locator("#preview canvas").waitFor();
        page.waitForFunction("() => document.getElementById('preview').dataset.loaded === 'true'");
        assertThat(page.locator("#preview-status").textContent()).contains("mm");
        screenshot("prints-review-1280");

        for (int width : new int[] {400, 1366}) {
            Page p = newPage(width, 900, "en-US");
            try {
                signIn(p, "printreview");
                p.navigate(base + "/prints/reviews/" + id);
                p.locator("#preview canvas").waitFor();
                Number scroll = (Number) p.evaluate("() => document.documentElement.scrollWidth");
                assertThat(scroll.intValue()).as("page width at " + width + " px").isLessThanOrEqualTo(width);
                screenshot(p, "prints-review-" + width);
                p.navigate(base + "/prints/reviews");
                scroll = (Number) p.evaluate("() => document.documentElement.scrollWidth");
                assertThat(scroll.intValue()).as("queue width at " + width + " px").isLessThanOrEqualTo(width);
            } finally {
                p.context().close();
            }
        }

        // the form says what is missing, in words, and keeps nothing half-done
        page.locator("#record-decision").evaluate("b => b.form.noValidate = true");
        page.locator("#record-decision").click();
        assertThat(page.locator(".alert-error").textContent()).contains("reason");
        page.getByLabel("Confirm the block").check();
        page.getByLabel("Keep the file as evidence").check();
        page.getByLabel("Reason").fill("The part is the known stand-in, turned and moved.");
        page.locator("#record-decision").click();
        page.waitForURL(base + "/prints/reviews/" + id);
        assertThat(page.locator("#notice").textContent()).contains("Decision recorded");
        assertThat(page.locator("#decided").textContent()).contains("Confirm the block").contains("keep the file as evidence").contains("printreview");
        // kept as evidence: the preview is still there
        page.locator("#preview canvas").waitFor();
        screenshot("prints-review-decided");
    }

    @Test
    void a_held_gcode_file_is_previewed_as_its_deposited_toolpath() {
        Corpus.Part part = Corpus.knownParts(1, 4343).get(0);
        var add = PrintsIT.file("standin-gcode.stl", MeshWriters.binaryStl(part.mesh()));
        add.add("partType", "stand-in receiver");
        add.add("source", "evaluation corpus, seed 4343");
        assertThat(PrintsIT.post(api("printreview"), "/api/v1/prints/library", add).getStatusCode().value()).isEqualTo(200);
        byte[] gcode = Slicer.slice(part.mesh(), Slicer.Flavour.MARLIN_RELATIVE, 0.2);
        var screened = PrintsIT.post(api("printshop"), "/api/v1/prints/screen", PrintsIT.file("order-2210.gcode", gcode));
        assertThat(screened.getBody().get("verdict")).isEqualTo("block");
        String id = (String) screened.getBody().get("screeningId");
        signIn("printreview");
        page.navigate(base + "/prints/reviews/" + id);
        page.locator("#preview canvas").waitFor();
        page.waitForFunction("() => document.getElementById('preview').dataset.loaded === 'true'");
        assertThat(page.locator("#preview").getAttribute("data-kind")).isEqualTo("toolpath");
        assertThat(page.locator("#preview-status").textContent()).contains("Toolpath").contains("deposited segments").contains("mm");
        screenshot("prints-review-gcode");
    }
}
