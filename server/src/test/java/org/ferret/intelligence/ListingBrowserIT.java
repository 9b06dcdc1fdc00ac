package org.ferret.intelligence;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.JsonApi;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * The listings journey in Chromium at 1366 px: an investigator uploads a crawler's CSV, finds the evasive pistol
 * sale in the review queue with its reasons and not the glue gun, confirms it as a lead linked to a seizure; then
 * the queue and the listing page in a 400 px window without a horizontal cut. Watched for CSP violations.
 */
@FerretIntegrationTest
class ListingBrowserIT extends BrowserTest {

    private final List<String> violations = new CopyOnWriteArrayList<>();

    private Page watched(Page p) {
        p.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.text().contains("Uncaught")) violations.add(p.url() + ": " + m.text());
        });
        return p;
    }

    @Test
    void an_investigator_imports_listings_reviews_the_queue_and_confirms_a_lead_linked_to_a_seizure() {
        String run = JsonApi.unique("B");
        String title = "P1st0l " + run + " for sale";
        String csv = "platform,url,title,text,price,currency\n"
                + "market.example,https://market.example/" + run + "/1," + title + ",\"g l o c k 19, 9mm, no paperwork, stealth shipping\",450,EUR\n"
                + "market.example,https://market.example/" + run + "/2,Glue gun " + run + ",\"hot glue gun, 60W, sticks included\",12,EUR\n";
        JsonApi intel = new JsonApi(port, "intel");
        String seizure = (String) intel.ok(intel.post("/api/v1/seizures", java.util.Map.of("reference", JsonApi.unique("SZ"),
                "seizedOn", java.time.LocalDate.now().minusDays(1).toString(), "country", "FI", "agency", "Finnish Customs",
                "legalJustification", "ILLICIT_TRAFFICKING", "criminalContext", "TRAFFICKING", "conveyance", "POSTAL",
                "items", List.of(java.util.Map.of("type", "AMMUNITION", "calibre", "9x19mm", "quantity", 50)))), 201).get("id");

        Page wide = watched(newPage(1366, 900, "en-US"));
        signIn(wide, "intel");
        wide.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Listings").setExact(true)).click();
        wide.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import listings")).click();
        wide.getByLabel("File").setInputFiles(new FilePayload("crawl.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        wide.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(wide.locator("#notice")).containsText("2 listings imported, 1 in the review queue");
        Locator row = wide.locator("#listings tr", new Page.LocatorOptions().setHasText(title));
        assertThat(row).containsText("glock");
        assertThat(row).containsText("Firearm");
        assertThat(wide.locator("#listings")).not().containsText("Glue gun " + run);
        screenshot(wide, "listings-queue-1366");

        row.getByRole(AriaRole.LINK).click();
        assertThat(wide.locator("#reasons")).containsText("Indicator term");
        assertThat(wide.locator("#reasons")).containsText("stealth shipping");
        wide.getByLabel("Seizure id (optional)").fill(seizure);
        wide.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).first().fill("same seller as the parcel");
        wide.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
        assertThat(wide.locator("#notice")).containsText("now a lead");
        assertThat(wide.locator("#status")).hasText("Confirmed");
        assertThat(wide.locator("#lead")).containsText("Seizure SZ-");
        String listingPath = wide.url().substring(base.length());
        screenshot(wide, "listing-lead-1366");
        wide.context().close();

        Page narrow = watched(newPage(400, 800, "en-US"));
        signIn(narrow, "intel");
        for (String path : List.of("/listings", "/listings?status=CONFIRMED", listingPath, "/listings/import")) {
            assertThat(narrow.navigate(base + path).status()).as(path).isEqualTo(200);
            Object fits = narrow.evaluate("() => { const m = document.querySelector('main');"
                    + " return [m.scrollWidth, m.clientWidth, document.documentElement.scrollWidth, document.documentElement.clientWidth]; }");
            @SuppressWarnings("unchecked")
            List<Number> n = (List<Number>) fits;
            assertThat(n.get(0).intValue()).as(path + ": main scrollWidth against clientWidth").isLessThanOrEqualTo(n.get(1).intValue());
            assertThat(n.get(2).intValue()).as(path + ": page scrollWidth").isLessThanOrEqualTo(n.get(3).intValue());
        }
        screenshot(narrow, "listing-import-400");
        narrow.context().close();
        assertThat(violations).isEmpty();
    }
}
