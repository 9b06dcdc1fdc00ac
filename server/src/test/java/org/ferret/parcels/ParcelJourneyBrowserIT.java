package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * Issue 11's journey in Chromium: the postal operator uploads a CSV file of declarations, the customs analyst sees
 * the held items with their reasons in the queue, the inspector records "essential component: slide, unmarked,
 * 3D-printed", and the registrar finds the seized slide on the marking-required list. Every page is watched for
 * anything the Content-Security-Policy blocks.
 */
@FerretIntegrationTest
class ParcelJourneyBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private final List<String> violations = new CopyOnWriteArrayList<>();

    private Page watched(Page p) {
        p.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                violations.add(p.url() + ": " + m.text());
            }
        });
        return p;
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void an_uploaded_file_reaches_the_queue_the_inspector_and_the_registrys_marking_required_list() {
        // a file of three items: an ordinary parcel, a pistol slide with no licence number (HS chapter 93: the
        // mandatory rule holds it whatever the capacity), and one with an HS code of the wrong shape
        String shirt = newItemId();
        String slide = newItemId();
        String broken = newItemId();
        Map<String, String> slideRow = ParcelsCsv.row(slide);
        slideRow.put("site", "TKU");
        slideRow.put("content1_description", "pistol slide");
        slideRow.put("content1_hs_code", "9305.10");
        Map<String, String> brokenRow = ParcelsCsv.row(broken);
        brokenRow.put("content1_hs_code", "93X");
        byte[] csv = ParcelsCsv.file(ParcelsCsv.row(shirt), slideRow, brokenRow).getBytes(StandardCharsets.UTF_8);

        // the operator uploads it
        watched(page);
        signIn("postal");
        page.getByRole(AriaRole.LINK, named("Upload declarations")).click();
        page.getByLabel("CSV file").setInputFiles(new FilePayload("declarations.csv", "text/csv", csv));
        page.getByRole(AriaRole.BUTTON, named("Upload")).focus();
        page.keyboard().press("Enter");
        // the ordinary parcel may be held too (by score or at random), so only the slide's hold is certain
        assertThat(page.locator("#upload-result").textContent()).contains("2 accepted").contains("1 rejected")
                .containsPattern("[12] held for inspection");
        Locator accepted = page.locator("#accepted tbody tr").filter(new Locator.FilterOptions().setHasText(slide));
        assertThat(accepted.textContent()).contains("Hold for inspection").contains("By a mandatory rule");
        assertThat(page.locator("#accepted tbody tr").filter(new Locator.FilterOptions().setHasText(shirt)).count()).isEqualTo(1);
        Locator rejected = page.locator("#rejected tbody tr");
        assertThat(rejected.count()).isEqualTo(1);
        assertThat(rejected.textContent()).contains("4").contains(broken).contains("content line 1: HS code")
                .contains("expected an HS code of 6, 8 or 10 digits");
        screenshot("parcels-journey-1-upload");

        // the analyst sees the held slide with its reasons in the queue of its site
        Page analyst = watched(newPage(1280, 900, "en-US"));
        signIn(analyst, "customs");
        analyst.getByRole(AriaRole.LINK, named("Parcel queue")).click();
        analyst.getByLabel("Screening site").selectOption("TKU");
        analyst.getByRole(AriaRole.BUTTON, named("Show")).click();
        analyst.waitForURL("**site=TKU**"); // the filtered page, not the one the click left
        Locator row = analyst.locator("#parcel-queue tbody tr").filter(new Locator.FilterOptions().setHasText(slide));
        assertThat(row.count()).isEqualTo(1);
        assertThat(row.textContent()).contains("pistol slide").contains("by a mandatory rule")
                .contains("without a licence number").contains("not inspected");
        assertThat(analyst.locator("#parcel-queue").textContent()).doesNotContain(broken);
        screenshot(analyst, "parcels-journey-2-queue");
        // what the dashboard counts before the inspection
        analyst.getByRole(AriaRole.LINK, named("Parcels dashboard")).click();
        analyst.waitForURL("**/parcels/dashboard**");
        analyst.getByLabel("Screening site").selectOption("TKU");
        analyst.getByRole(AriaRole.BUTTON, named("Show")).click();
        analyst.waitForURL("**site=TKU**"); // the filtered page, not the one the click left
        long seizuresBefore = DashboardPage.seizures(analyst);
        long componentsBefore = DashboardPage.outcomeCount(analyst, "Essential component");
        String dashboard = analyst.url();
        analyst.context().close();

        // the inspector records "essential component: slide, unmarked, 3D-printed" by keyboard
        Page inspector = watched(newPage(1280, 900, "en-US"));
        signIn(inspector, "inspector");
        inspector.getByRole(AriaRole.LINK, named("Inspection tasks")).click();
        inspector.navigate(base + "/parcels/tasks?site=TKU");
        Locator task = inspector.locator("#task-" + slide);
        task.getByLabel("Outcome").focus();
        task.getByLabel("Outcome").selectOption("ESSENTIAL_COMPONENT");
        task.getByLabel("Which item").selectOption("SLIDE");
        task.getByLabel("Made as").selectOption("ADDITIVELY_MANUFACTURED");
        task.getByLabel("Unmarked").press("Space");
        task.getByLabel("Notes").fill("printed slide among toy parts");
        task.getByLabel("Notes").press("Enter");
        assertThat(inspector.locator(".alert-ok").first().textContent()).contains("registered as a seized slide")
                .contains("marking-required");
        assertThat(inspector.locator("#task-" + slide).textContent()).contains("Outcome: essential component");
        screenshot(inspector, "parcels-journey-3-outcome");
        inspector.context().close();

        // the registrar finds the seized slide, linked to its parcel, on the marking-required list
        String declaration = jdbc.sql("select id from parcel_declaration where item_id = ?").param(slide)
                .query(String.class).single();
        Page registrar = watched(newPage(1280, 900, "en-US"));
        signIn(registrar, "registrar");
        registrar.locator("nav.mainnav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Marking required")).click();
        registrar.waitForURL("**/items/marking-required**"); // the list, not the page the click left
        // the work list runs oldest first; the new slide is on its last page
        Locator next = registrar.getByRole(AriaRole.LINK, named("Next →"));
        while (next.count() > 0) {
            registrar.navigate(base + next.getAttribute("href"));
        }
        Locator listed = registrar.locator("#work-list tr").filter(new Locator.FilterOptions().setHasText("parcel:" + declaration));
        assertThat(listed.count()).isEqualTo(1);
        assertThat(listed.textContent()).contains("Slide").contains("seized").contains("no marking");
        screenshot(registrar, "parcels-journey-4-marking-required");
        registrar.context().close();

        // the analyst's dashboard counts the seizure
        Page again = watched(newPage(1280, 900, "en-US"));
        signIn(again, "customs");
        again.navigate(dashboard);
        assertThat(DashboardPage.seizures(again)).isEqualTo(seizuresBefore + 1);
        assertThat(DashboardPage.outcomeCount(again, "Essential component")).isEqualTo(componentsBefore + 1);
        screenshot(again, "parcels-journey-5-dashboard");
        again.context().close();

        assertThat(violations).as("blocked by the Content-Security-Policy").isEmpty();
    }


    @Test
    void the_upload_form_names_what_is_wrong_next_to_the_file_field() {
        watched(page);
        signIn("postal");
        page.navigate(base + "/parcels/upload");
        page.getByRole(AriaRole.BUTTON, named("Upload")).click();
        assertThat(page.locator("#error-summary").textContent()).contains("CSV file: choose a CSV file");
        assertThat(page.locator("#file-error").textContent()).contains("choose a CSV file");
        assertThat(page.getByLabel("CSV file").getAttribute("aria-invalid")).isEqualTo("true");

        byte[] broken = (ParcelsCsv.file(ParcelsCsv.row(newItemId())) + newItemId() + ",HEL,\"INBOUND\n").getBytes(StandardCharsets.UTF_8);
        page.getByLabel("CSV file").setInputFiles(new FilePayload("broken.csv", "text/csv", broken));
        page.getByRole(AriaRole.BUTTON, named("Upload")).click();
        assertThat(page.locator("#file-error").textContent()).contains("line 3").contains("cannot be read")
                .contains("nothing was stored");
        assertThat(page.locator("#accepted").count()).isZero();
        assertThat(violations).isEmpty();
    }
}
