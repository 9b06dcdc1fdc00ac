package org.ferret.tracing.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A tracing officer works a received trace request through the web UI: acknowledge, confirm, answer, close. */
@FerretIntegrationTest
class TraceWorkflowBrowserIT extends BrowserTest {


    RestClient as(String user) {
        return api(user);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_tracing_officer_answers_a_trace_request_with_the_chain_of_custody() throws Exception {
        String serial = "TW" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        Map<String, Object> item = as("registrar").post().uri("/api/v1/items").body(Map.of(
                "kind", "REVOLVER", "manufacturer", "Smith & Wesson", "model", "686", "calibre", ".357 Magnum",
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "S&W", "countryOrPlace", "US",
                        "serialNumber", serial)),
                "initialEvent", Map.of("type", "MANUFACTURE", "occurredOn", "2015-04-01", "country", "US")))
                .retrieve().body(Map.class);
        var investigator = as("investigator");
        long until = System.currentTimeMillis() + 15_000;
        while (((List<?>) investigator.get().uri("/api/v1/markings/search?q=" + serial).retrieve().body(Map.class)
                .get("candidates")).isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        String read = serial.substring(0, 3) + "?" + serial.substring(4);
        signIn("investigator");

        // the officer records the request received by mail; a wrong country code is refused and nothing is written
        page.navigate(base + "/tracing/requests");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record a received request")).click();
        page.getByLabel("Requesting agency").fill("Customs");
        page.getByLabel("Requesting country (ISO code)").fill("XX");
        page.getByLabel("Case reference").fill("BR-" + serial);
        page.getByLabel("Legal basis").fill("national firearms act");
        page.getByLabel("Illicit context").fill("smuggling");
        page.getByLabel("Circumstances of recovery").fill("parcel inspection");
        page.getByLabel("Place of recovery").fill("Helsinki airport");
        page.getByLabel("Date of recovery").fill("2025-01-10");
        page.getByLabel("Marking as read").fill(read);
        page.getByLabel("The marking is (partly) obliterated").check();
        page.getByLabel("Urgency").selectOption("URGENT");
        page.getByLabel("Intended use of the information").fill("investigation");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the request")).click();
        assertThat(page.locator(".alert-error")).containsText("Requesting country (ISO code): unknown country");
        assertThat(page.locator(".alert-error")).containsText("unknown country 'XX'");
        org.assertj.core.api.Assertions.assertThat(ofCase(investigator, "BR-" + serial)).isEmpty();
        page.getByLabel("Requesting country (ISO code)").fill("FI");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the request")).click();
        assertThat(page.locator(".alert-ok")).containsText("1 candidate(s) proposed");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Trace request BR-" + serial))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge receipt")).click();
        assertThat(page.locator(".alert-ok")).containsText("Acknowledged");
        assertThat(page.locator("main")).containsText("unreadable 1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm against the item")).click();
        assertThat(page.locator(".alert-ok")).containsText("confirmed");
        page.getByLabel("Remarks for the answer").fill("sold by a dealer in 2016");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Answer with the chain of custody")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Answer: traced"))).isVisible();
        assertThat(page.locator("main")).containsText("Time-to-crime");
        assertThat(page.locator("main")).containsText("Apr 1, 2015");
        assertThat(page.locator("table caption")).containsText("Chain of custody");
        screenshot("tracing-answer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close")).click();
        assertThat(page.locator(".alert-ok")).containsText("Closed");
        org.assertj.core.api.Assertions.assertThat(ofCase(investigator, "BR-" + serial)).singleElement().satisfies(t -> {
            org.assertj.core.api.Assertions.assertThat(t.get("status")).isEqualTo("CLOSED");
            org.assertj.core.api.Assertions.assertThat(((Map<String, Object>) t.get("answer")).get("itemId")).isEqualTo(item.get("id"));
        });
        org.assertj.core.api.Assertions.assertThat(item.get("id")).isNotNull();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> ofCase(RestClient client, String caseReference) {
        List<Map<String, Object>> all = client.get().uri("/api/v1/tracing/requests").retrieve().body(List.class);
        return all.stream().filter(t -> caseReference.equals(((Map<String, Object>) t.get("content")).get("caseReference")))
                .toList();
    }
}
