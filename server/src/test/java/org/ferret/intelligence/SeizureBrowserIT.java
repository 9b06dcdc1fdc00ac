package org.ferret.intelligence;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Issue 14's first journey in Chromium: a firearm found in a parcel becomes a seizure, the analyst finds it in the
 * seizures, records its tracing outcome, and sees it in the analytics (postal modus, the US → FI route, SDG 16.4.2);
 * then records a seizure through the form, whose problems come all at once. Watched for CSP violations.
 */
@FerretIntegrationTest
class SeizureBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_seizure_from_a_parcel_outcome_appears_in_the_seizures_and_the_analytics() throws Exception {
        UUID declaration = ParcelSeizureIT.firearmFound(port, jdbc, ParcelSeizureIT.newItemId());
        ParcelSeizureIT.awaitSeizureOf(jdbc, declaration);
        watch(page);
        signIn("intel");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Seizures").setExact(true)).click();
        page.getByLabel("Conveyance").selectOption("POSTAL");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("parcel:" + declaration)).click();
        assertThat(page.locator("#seizure-facts")).containsText("From a parcel inspection");
        assertThat(page.locator("#seizure-facts")).containsText("US → FI");
        assertThat(page.locator("#items")).containsText("Pistol");
        page.getByLabel("Outcome").selectOption("ESTABLISHED_BY_TRACING");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record")).click();
        assertThat(page.locator("#items")).containsText("Established by tracing");

        page.navigate(base + "/seizures/analytics?conveyance=POSTAL");
        assertThat(page.locator("#routes-table")).containsText("US (origin)");
        assertThat(page.locator("#routes-table")).containsText("FI (destination)");
        String postal = page.locator("#modus-table tr:has-text('Postal or courier shipment') td.num").textContent();
        assertThat(Integer.parseInt(postal.strip())).isPositive();
        assertThat(page.locator("#sdg-numerator")).not().hasText("0");
        assertThat(page.locator("[data-sankey-from='routes-table'] canvas")).hasCount(1);
        assertThat(page.locator("[data-chart-from='modus-table'] canvas")).hasCount(1);
        screenshot("seizure-analytics");
        assertThat(violations).isEmpty();
    }

    @Test
    void the_form_shows_every_problem_at_once_and_records_the_seizure_when_they_are_mended() {
        watch(page);
        signIn("intel");
        page.navigate(base + "/seizures/new");
        page.getByLabel("Date").fill(java.time.LocalDate.now().minusDays(1).toString());
        page.getByLabel("Country", new Page.GetByLabelOptions().setExact(true)).fill("ZZ");
        page.getByLabel("Agency").fill("Helsinki Police");
        page.getByLabel("Legal justification").selectOption("ILLICIT_POSSESSION");
        page.getByLabel("Mode of transport or conveyance").selectOption("VEHICLE");
        page.locator("#items-0-type").selectOption("AMMUNITION");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the seizure")).click();

        assertThat(page.locator("#error-summary")).containsText("Country");
        assertThat(page.locator("#error-summary")).containsText("Criminal context");
        assertThat(page.locator("#error-summary")).containsText("Item 1: calibre");

        page.getByLabel("Country", new Page.GetByLabelOptions().setExact(true)).fill("FI");
        page.getByLabel("Criminal context").selectOption("VIOLENT_CRIME");
        page.locator("#items-0-calibre").fill("9x19mm");
        page.locator("#items-0-quantity").fill("40");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the seizure")).click();
        assertThat(page.locator("#notice")).containsText("recorded");
        assertThat(page.locator("#seizure-facts")).containsText("Violent crime");
        assertThat(page.locator("#items")).containsText("40 rounds");
        assertThat(violations).isEmpty();
    }
}
