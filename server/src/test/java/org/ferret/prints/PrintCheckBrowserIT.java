package org.ferret.prints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.ferret.printfiles.corpus.Corpus;
import org.ferret.printfiles.corpus.MeshWriters;
import org.ferret.printfiles.corpus.Shapes;
import org.ferret.printfiles.corpus.Transforms;
import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * A printing service checks files by hand on "Check a print file": a plain block is allowed, a turned copy of a
 * known part (a procedural stand-in from the evaluation corpus, no firearm file) is blocked and lands in the
 * reviewers' queue, a submission without a file or with one over the size limit is refused in words (neither counts
 * against the account's rate), one over the rate too; the screen fits 400 and 1366 px windows.
 */
@FerretIntegrationTest
@TestPropertySource(properties = {"ferret.prints.max-file-bytes=2000000", "ferret.prints.burst=4", "ferret.prints.per-client-per-minute=1"})
class PrintCheckBrowserIT extends BrowserTest {

    @Test
    @SuppressWarnings("unchecked")
    void a_printing_service_checks_files_by_hand_and_a_match_is_held_for_the_reviewer() {
        Corpus.Part part = Corpus.knownParts(1, 4646).get(0);
        var add = PrintsIT.file("standin-check.stl", MeshWriters.binaryStl(part.mesh()));
        add.add("partType", "stand-in receiver");
        add.add("source", "evaluation corpus, seed 4646");
        assertThat(PrintsIT.post(api("printreview"), "/api/v1/prints/library", add).getStatusCode().value()).isEqualTo(200);

        signIn("printshop");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check a print file")).click();
        page.waitForURL(base + "/prints/screen");
        assertThat(page.locator("#result").count()).isZero();

        // a plain block: allowed, no evidence, nothing held
        page.setInputFiles("#file", new FilePayload("spacer-block.stl", "model/stl", MeshWriters.binaryStl(Shapes.box(0, 0, 0, 40, 25, 8))));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Screen the file")).click();
        page.locator("#verdict").waitFor();
        assertThat(page.locator("#result-h").textContent()).isEqualTo("spacer-block.stl");
        assertThat(page.locator("#verdict").textContent()).contains("The screen answered: Allow.").contains("may be printed");
        assertThat(page.locator("#no-evidence").isVisible()).isTrue();
        assertThat(page.locator("#held").count()).isZero();

        // the known part, turned and moved: blocked, held, and in the reviewers' queue under the reference shown
        byte[] turned = MeshWriters.binaryStl(Transforms.rotateAndMove(part.mesh(), 5, true));
        page.setInputFiles("#file", new FilePayload("order-3301.stl", "model/stl", turned));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Screen the file")).click();
        page.locator("#held").waitFor();
        assertThat(page.locator("#verdict").textContent()).contains("The screen answered: Block.").contains("Do not print it");
        assertThat(page.locator("#evidence").textContent()).contains("Design match").contains("known part KP-");
        String held = page.locator("#held code").textContent();
        var queue = api("printreview").get().uri("/api/v1/prints/reviews").retrieve().toEntity(List.class);
        assertThat((List<Map<String, Object>>) queue.getBody()).anySatisfy(h -> {
            assertThat(h.get("id")).isEqualTo(held);
            assertThat(h.get("client")).isEqualTo("printshop");
        });
        screenshot("prints-check-block");

        // no file: refused in words, nothing screened
        page.locator("#file").evaluate("i => i.form.noValidate = true");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Screen the file")).click();
        page.locator("#file-error").waitFor();
        assertThat(page.locator("#file-error").textContent()).contains("choose the file to screen");
        assertThat(page.locator("#result").count()).isZero();
        page.setInputFiles("#file", new FilePayload("huge.stl", "model/stl", new byte[2_000_001]));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Screen the file")).click();
        page.locator("#file-error").waitFor();
        assertThat(page.locator("#file-error").textContent()).contains("2000001 bytes").contains("at most 2000000");
        assertThat(page.locator("#file-hint").textContent()).contains("At most 2.0 MB");
        assertThat(page.locator("#result").count()).isZero();

        for (int width : new int[] {400, 1366}) {
            Page p = newPage(width, 900, "en-US");
            try {
                signIn(p, "printshop");
                p.navigate(base + "/prints/screen");
                p.setInputFiles("#file", new FilePayload("order-3302.stl", "model/stl", turned));
                p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Screen the file")).click();
                p.locator("#held").waitFor();
                Number scroll = (Number) p.evaluate("() => document.documentElement.scrollWidth");
                assertThat(scroll.intValue()).as("page width at " + width + " px").isLessThanOrEqualTo(width);
                screenshot(p, "prints-check-" + width);
            } finally {
                p.context().close();
            }
        }

        // the fifth screening within the minute (burst 4): refused with the wait, nothing screened
        page.navigate(base + "/prints/screen");
        page.setInputFiles("#file", new FilePayload("order-3303.stl", "model/stl", turned));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Screen the file")).click();
        page.locator("#file-error").waitFor();
        assertThat(page.locator("#file-error").textContent()).contains("faster than it may (1 a minute, 4 at once)").contains("try again in");
        assertThat(page.locator("#result").count()).isZero();
        var after = api("printreview").get().uri("/api/v1/prints/reviews").retrieve().toEntity(List.class);
        assertThat((List<Map<String, Object>>) after.getBody()).noneSatisfy(h -> assertThat(h.get("fileName")).isEqualTo("order-3303.stl"));
    }
}
