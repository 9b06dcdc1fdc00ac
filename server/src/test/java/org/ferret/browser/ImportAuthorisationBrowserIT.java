package org.ferret.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The licensing officer issues an import authorisation (Protocol art. 10) on its screens, with every problem shown at
 * once; the registrar records the import under it on the item page, and a transit that keeps the holder.
 */
@FerretIntegrationTest
class ImportAuthorisationBrowserIT extends BrowserTest {

    @SuppressWarnings("unchecked")
    private static String post(RestClient api, String uri, Object body) {
        Map<String, Object> res = api.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(Map.class);
        return (String) res.get("id");
    }

    @Test
    void an_officer_issues_an_import_authorisation_and_the_registrar_records_the_import_and_a_transit() {
        RestClient registrar = api("registrar");
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String licence = "IMP-DL-" + tag;
        post(registrar, "/api/v1/holders", Map.of("type", "ORGANISATION", "role", "DEALER",
                "name", "Import Arms " + tag, "licenceNumber", licence));
        String pistol = post(registrar, "/api/v1/items", Map.of("kind", "PISTOL", "manufacturer", "Walther",
                "model", "PDP", "calibre", "9x19mm", "countryOfManufacture", "DE", "yearOfManufacture", 2025,
                "construction", "POLYMER", "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Walther",
                        "countryOrPlace", "Ulm, DE", "serialNumber", "WB" + tag, "year", 2025,
                        "location", "frame", "method", "EMBEDDED_METAL_INSERT"))));

        signIn("licensing");
        // the officer's dashboard names the overdue proofs of receipt and decisions (escalation, art. 10(4))
        assertThat(page.locator("#receipts-overdue-count")).isVisible();
        assertThat(page.locator("#decisions-overdue-stat")).containsText("decision deadline");
        page.navigate(base + "/licences");
        page.locator("#import-authorisations-link").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import authorisations")))
                .isVisible();
        page.locator("#new-import-authorisation").click();

        // with mistakes first: every problem at once
        page.getByLabel("Licence number of the importer").fill(licence);
        page.getByLabel("Country of export").fill("XX");
        page.locator("#lines-0-kind").selectOption("PISTOL");
        page.locator("#lines-0-description").fill("Walther PDP pistols");
        page.locator("#lines-0-quantity").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue")).click();
        Locator summary = page.locator("#error-summary");
        assertThat(summary).containsText("Country of export");
        assertThat(summary).containsText("Valid until");
        assertThat(summary).containsText("Goods line 1: quantity");
        screenshot("import-authorisation-01-problems");

        page.getByLabel("Country of export").fill("DE");
        page.getByLabel("Valid until").fill(LocalDate.now().plusMonths(3).toString());
        page.locator("#lines-0-quantity").fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue")).click();
        assertThat(page.locator("#standing")).hasText("Issued");
        assertThat(page.locator("#no-uses")).isVisible();
        String number = page.locator("h1 span").textContent().strip();

        // the registrar records the import under it on the item page
        Page reg = newPage(400, 900, "en-GB");
        signIn(reg, "registrar");
        reg.navigate(base + "/items/" + pistol);
        reg.locator("#type").selectOption("IMPORT");
        reg.getByLabel("Date it happened").fill(LocalDate.now().toString());
        reg.getByLabel("Other country").fill("DE");
        reg.getByLabel("New holder").fill(licence);
        reg.getByLabel("Authorisation").fill(number);
        reg.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event")).click();
        assertThat(reg.locator("ol.timeline")).containsText("Under import authorisation " + number);

        // a transit keeps the holder; a missing no-objection is named first
        reg.locator("#type").selectOption("TRANSIT");
        reg.getByLabel("Date it happened").fill(LocalDate.now().toString());
        reg.getByLabel("Other country").fill("DE");
        reg.getByLabel("Going on to").fill("NO");
        reg.getByLabel("Authorisation").fill("");
        reg.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event")).click();
        assertThat(reg.locator("#error-summary")).containsText("Authorisation");
        reg.locator("#type").selectOption("TRANSIT");
        reg.getByLabel("Authorisation").fill("NOO-DE-" + tag);
        reg.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event")).click();
        assertThat(reg.locator("ol.timeline")).containsText("From DE on to NO");
        assertThat(reg.locator("ol.timeline")).containsText("Under no-objection or transit authorisation NOO-DE-" + tag);
        screenshot(reg, "import-authorisation-02-item-timeline-400px");
        reg.context().close();

        // the officer sees the import drawn down
        page.reload();
        assertThat(page.locator("#uses")).containsText("Item imported on");
        assertThat(page.locator("#lines")).containsText("Walther PDP pistols");
        screenshot("import-authorisation-03-drawn-down");
    }
}
