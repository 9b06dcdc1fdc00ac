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

/** An investigator at the scene searches a worn marking in Debian's Chromium, reads the explanation, confirms. */
@FerretIntegrationTest
class MarkingSearchBrowserIT extends BrowserTest {


    @Test
    void an_investigator_finds_a_partly_obliterated_serial_sees_why_it_matched_and_confirms_it() throws Exception {
        String digits = String.valueOf(ThreadLocalRandom.current().nextInt(10_000, 100_000));
        String serial = "KR" + digits + "B";
        RestClient registrar = api("registrar");
        registrar.post().uri("/api/v1/items").body(Map.of("kind", "FRAME", "manufacturer", "Glock", "model", "19",
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Glock", "countryOrPlace", "AT",
                        "serialNumber", serial))))
                .retrieve().toBodilessEntity();
        // read at the scene: the third digit is gone and the final B looks like an 8
        String read = "kr" + digits.substring(0, 2) + "?" + digits.substring(3) + "8";

        signIn("investigator");

        // the registration reaches the index through an event after commit: search until it shows
        long until = System.currentTimeMillis() + 15_000;
        do {
            page.navigate(base + "/tracing/search");
            page.getByLabel("Marking as read").fill(read);
            page.getByLabel("Type").selectOption("ESSENTIAL_COMPONENT");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            page.waitForLoadState();
        } while (page.locator("td .pos").count() == 0 && System.currentTimeMillis() < until);

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Marking search"))).isVisible();
        assertThat(page.locator("#results")).containsText("Frame · Glock 19");
        assertThat(page.locator("#results")).containsText("confused 1 (pos " + serial.length() + " 8→B)");
        assertThat(page.locator("#results")).containsText("unreadable 1");
        var row = page.locator("#results tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Frame · Glock 19"));
        assertThat(row.locator(".pos-confusion")).hasCount(1);
        assertThat(row.locator(".pos-unknown")).hasCount(1);
        // the item's status, in words, beside the candidate
        assertThat(row.locator("td.status")).hasText("In lawful possession");
        screenshot("tracing-search");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm: this is the item")).first().click();
        assertThat(page.locator("#results")).containsText("confirmed as the item in hand");

        // a malformed reading is explained, not a crash
        page.getByLabel("Marking as read").fill("KR(12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.locator(".alert-error")).containsText("position 3");
    }
}
