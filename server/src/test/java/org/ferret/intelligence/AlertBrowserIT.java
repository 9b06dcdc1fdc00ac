package org.ferret.intelligence;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.JsonApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Issue 14's alert journey in Chromium: a seizure from a parcel appears in the analytics; the intelligence analyst
 * (police) issues a warning with a proposed indicator to a closed user group (the form shows every problem at once
 * first); the customs analyst, of a second agency subscribed to the topic, reads and acknowledges it on a 400 px
 * screen and adopts the indicator into a draft rule of the parcels rule pack, whose source is the alert.
 */
@FerretIntegrationTest
class AlertBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_parcel_seizure_in_the_analytics_a_warning_acknowledged_by_customs_and_its_indicator_adopted_into_a_draft_rule() throws Exception {
        UUID declaration = ParcelSeizureIT.firearmFound(port, jdbc, ParcelSeizureIT.newItemId());
        ParcelSeizureIT.awaitSeizureOf(jdbc, declaration);
        String groupName = JsonApi.unique("Firearms FI");
        // customs (a second agency) subscribes to alarm weapons concerning FI, on a phone-sized screen
        Page customs = watch(newPage(400, 800, "en-US"));
        signIn(customs, "customs");
        customs.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alerts").setExact(true)).click();
        customs.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Groups and subscriptions")).click();
        customs.locator("#topic").selectOption("ALARM_AND_GAS_WEAPONS");
        customs.locator("#country").fill("FI");
        customs.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
        assertThat(customs.locator("#subscriptions")).containsText("Alarm and gas weapons, FI");
        assertThat(customs.locator("#group-form")).hasCount(0);

        // the analyst sees the parcel's seizure in the analytics
        watch(page);
        signIn("intel");
        page.navigate(base + "/seizures/analytics?conveyance=POSTAL");
        String postal = page.locator("#modus-table tr:has-text('Postal or courier shipment') td.num").textContent();
        assertThat(Integer.parseInt(postal.strip())).isPositive();

        // makes a closed user group of police and customs
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alerts").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Groups and subscriptions")).click();
        page.locator("#name").fill(groupName);
        page.locator("#members").fill("POLICE, CUSTOMS, node:nowhere");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the group")).click();
        assertThat(page.locator("#error-summary")).containsText("not a configured peer node");
        page.locator("#members").fill("POLICE, CUSTOMS");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the group")).click();
        assertThat(page.locator("#groups")).containsText(groupName);

        // and issues a warning with a proposed indicator; the first try has problems, all shown at once
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alerts").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Issue an alert")).click();
        page.locator("#topic").selectOption("ALARM_AND_GAS_WEAPONS");
        page.locator("#countries").fill("CN, FI");
        page.locator("#indicatorRoutes").fill("CN to FI");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue the alert")).click();
        assertThat(page.locator("#error-summary")).containsText("Title");
        assertThat(page.locator("#error-summary")).containsText("Summary");
        assertThat(page.locator("#error-summary")).containsText("Indicator routes");
        assertThat(page.locator("#error-summary")).containsText("Closed user group");

        page.locator("#title").fill("Alarm pistols mailed as toy guns");
        page.locator("#summary").fill("Alarm pistols convertible to live fire arrive from CN declared as toy guns.");
        page.locator("#group").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(groupName + " (CUSTOMS, POLICE)"));
        page.locator("#sourceDescription").fill("three postal seizures at Helsinki in October");
        page.locator("#profileOrigins").fill("CN");
        page.locator("#profileDescriptions").fill("toy gun, plastic toy");
        page.locator("#indicatorLabel").fill("Toy guns from CN");
        page.locator("#indicatorTerms").fill("toy gun, toy pistol");
        page.locator("#indicatorRoutes").fill("CN->FI");
        page.locator("#indicatorValueBelow").fill("40");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue the alert")).click();
        assertThat(page.locator("#notice")).containsText("issued to 1 recipient");
        String reference = page.locator("h1").textContent().replace("Warning", "").strip();
        assertThat(page.locator("#recipients")).containsText("CUSTOMS");
        assertThat(page.locator("#pass-on-marking")).hasText("Not to be passed on");

        // the second agency (customs) reads and acknowledges it on the phone-sized screen
        try {
            customs.navigate(base + "/alerts");
            customs.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
            assertThat(customs.locator("#alert-facts")).containsText("Alarm pistols mailed as toy guns");
            assertThat(customs.locator("#indicator-1")).containsText("description contains any: \"toy gun\", \"toy pistol\"");
            assertThat(customs.locator("#indicator-1")).containsText("route origin -> destination in: CN->FI");
            customs.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge")).click();
            assertThat(customs.locator("#notice")).hasText("Acknowledged.");
            assertThat(customs.locator("#recipients tr:has-text('CUSTOMS')")).containsText("by customs");
            // "not to be passed on": the page offers no passing on at all, it says so
            assertThat(customs.locator("#pass-on")).containsText("Not to be passed on");
            assertThat(customs.locator("#pass-on-form")).hasCount(0);
            Number width = (Number) customs.evaluate("() => document.documentElement.scrollWidth");
            assertThat(width.intValue()).as("page width at a 400 px window").isLessThanOrEqualTo(400);
            screenshot(customs, "alert-400");

            // and adopts the indicator into a draft rule, the alert as its source
            customs.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Adopt indicator 1 into a draft rule")).click();
            assertThat(customs.locator("#notice")).containsText("draft version");
            customs.locator("#indicator-1 .adoption a").click();
            String ruleId = ("alert-" + reference + "-1").toLowerCase(java.util.Locale.ROOT);
            assertThat(customs.locator("main")).containsText(ruleId);
            assertThat(customs.locator("main")).containsText("alert " + reference);
        } finally {
            customs.context().close();
        }

        // the analyst sees the acknowledgement; at 1366 px the list reads on one screen
        Page wide = watch(newPage(1366, 800, "en-US"));
        try {
            signIn(wide, "intel");
            wide.navigate(base + "/alerts");
            assertThat(wide.locator("#alerts")).containsText(reference);
            wide.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
            assertThat(wide.locator("#recipients tr:has-text('CUSTOMS')")).containsText("by customs");
            screenshot(wide, "alert-1366");
        } finally {
            wide.context().close();
        }
        assertThat(violations).isEmpty();
    }
}
