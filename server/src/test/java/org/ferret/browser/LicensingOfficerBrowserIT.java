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

/** The licensing officer's journey from application to issue (Protocol art. 10; issue 13), in Debian's Chromium. */
@FerretIntegrationTest
class LicensingOfficerBrowserIT extends BrowserTest {

    @SuppressWarnings("unchecked")
    private static String post(RestClient api, String uri, Object body) {
        Map<String, Object> res = api.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(Map.class);
        return (String) res.get("id");
    }

    @Test
    void an_officer_records_an_application_sees_the_refused_checks_clears_them_and_issues_the_licence() {
        RestClient registrar = api("registrar");
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String dealerLicence = "DL-" + tag;
        String dealer = post(registrar, "/api/v1/holders", Map.of("type", "ORGANISATION", "role", "DEALER",
                "name", "Nordic Arms " + tag, "licenceNumber", dealerLicence));
        String serial = "LX" + tag;
        String pistol = post(registrar, "/api/v1/items", Map.of("kind", "PISTOL", "manufacturer", "Sako",
                "model", "P1", "calibre", "9x19mm", "countryOfManufacture", "FI", "yearOfManufacture", 2020,
                "construction", "METAL", "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Sako",
                        "countryOrPlace", "Finland", "serialNumber", serial, "location", "frame",
                        "method", "LASER"))));
        post(registrar, "/api/v1/items/" + pistol + "/events", Map.of("type", "TRANSFER_OF_POSSESSION",
                "occurredOn", LocalDate.now().minusDays(2).toString(), "holderId", dealer));

        signIn("licensing");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Export licences")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Export licences"))).isVisible();
        page.locator("#new-application").click();

        // first with mistakes: every problem at once
        page.getByLabel("Dealer licence number of the exporter").fill(dealerLicence);
        page.getByLabel("Place of issue").fill("Helsinki");
        page.getByLabel("Country of import").fill("XX");
        page.getByLabel("Final recipient").fill("Schützenverein Berlin e.V.");
        page.getByLabel("End-user certificate").fill("EUC-" + tag);
        page.getByLabel("Date of expiry").fill(LocalDate.now().minusDays(1).toString());
        page.getByLabel("Transit countries").fill("SE");
        page.locator("#goods-0-item").fill(serial);
        page.locator("#goods-1-description").fill("9x19mm cartridges");
        page.locator("#goods-1-quantity").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the application")).click();

        Locator summary = page.locator("#error-summary");
        assertThat(summary).containsText("Country of import");
        assertThat(summary).containsText("Date of expiry");
        assertThat(summary).containsText("Goods line 2: quantity");
        assertThat(page.locator("#countryOfImport-error")).containsText("XX");
        screenshot("licensing-01-application-problems");

        page.getByLabel("Country of import").fill("DE");
        page.getByLabel("Date of expiry").fill(LocalDate.now().plusMonths(6).toString());
        page.locator("#goods-1-quantity").fill("500");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the application")).click();

        assertThat(page.locator("#notice")).containsText("recorded");
        assertThat(page.locator("#licence-status")).hasText("applied for");
        Locator failed = page.locator("#checks tr.check-failed");
        assertThat(failed).hasCount(2);
        assertThat(failed.first()).containsText("art. 10(2)(a)");
        screenshot("licensing-02-checks-failed");

        // issuing is refused while a blocking check fails, and the reason is shown with its provision
        page.locator("#issue").click();
        assertThat(page.locator("#error-summary")).containsText("art. 10(2)(a)");
        assertThat(page.locator("#licence-status")).hasText("applied for");

        page.locator("#kind").selectOption("IMPORT_AUTHORISATION");
        page.locator("#country").fill("DE");
        page.locator("#reference").fill("BAFA-" + tag);
        page.locator("#givenOn").fill(LocalDate.now().minusDays(1).toString());
        page.locator("#validUntil").fill(LocalDate.now().plusYears(1).toString());
        page.locator("#record-answer").click();
        assertThat(page.locator("#notice")).containsText("Import authorisation from DE recorded");
        assertThat(page.locator("#checks tr.check-failed")).hasCount(1);

        page.locator("#kind").selectOption("TRANSIT_NO_OBJECTION");
        page.locator("#country").fill("SE");
        page.locator("#reference").fill("ISP-" + tag);
        page.locator("#givenOn").fill(LocalDate.now().toString());
        page.locator("#record-answer").click();
        assertThat(page.locator("#checks tr.check-failed")).hasCount(0);
        screenshot("licensing-03-checks-cleared");

        page.locator("#issue").click();
        assertThat(page.locator("#notice")).containsText("issued");
        assertThat(page.locator("#licence-status")).hasText("issued");
        assertThat(page.locator("#history")).containsText("Issued");
        String code = page.locator("#verification-code").textContent().strip();
        screenshot("licensing-04-issued");

        page.locator("#document-link").click();
        assertThat(page.locator("#document")).containsText("Helsinki");
        assertThat(page.locator("#document")).containsText("Schützenverein Berlin e.V.");

        page.navigate(base + "/licences/verify?code=" + code);
        assertThat(page.locator("#verification")).containsText("valid");
        assertThat(page.locator("#verification")).containsText("500");
        screenshot("licensing-05-verified");
    }
}
