package org.ferret.parcels;

import org.ferret.testsupport.HandClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.line;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Issue 12's journey for indicators in Chromium: the analyst drafts a rule, sees it checked as she types and its
 * preview on yesterday's items, submits it; a supervisor reads the diff and approves it; the next items are scored
 * with the new pack version and the new rule. Its own context, so that the approved pack stays in this test.
 */
@FerretIntegrationTest
@Import(HandClock.Config.class)
@DirtiesContext
class RulePackBrowserIT extends BrowserTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HandClock clock;

    private final List<String> violations = new CopyOnWriteArrayList<>();

    private Page watched(Page p) {
        p.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) violations.add(p.url() + ": " + m.text());
        });
        return p;
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @AfterEach
    void backToNow() {
        clock.now = Instant.now();
    }

    @Test
    void an_analyst_drafts_a_rule_a_supervisor_approves_it_and_the_next_items_are_scored_with_it() {
        // yesterday: two walrus figurines arrived, one was inspected and a slide found in it
        ParcelsApi postal = new ParcelsApi(port, "postal"), analystApi = new ParcelsApi(port, "customs"), inspector = new ParcelsApi(port, "inspector");
        clock.now = Instant.now().minus(Duration.ofDays(1));
        List<UUID> ids = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            Map<String, Object> i = item(newItemId());
            line(i, 0).put("description", "walrus figurine");
            postal.submit(List.of(i));
            ids.add(jdbc.sql("select id from parcel_declaration where item_id = ?").param(i.get("itemId")).query(UUID.class).single());
        }
        analystApi.post("/api/v1/parcels/queue/" + ids.get(0) + "/add", Map.of("reason", "tip-off"));
        assertThat(inspector.post("/api/v1/parcels/declarations/" + ids.get(0) + "/outcome", Map.of("kind", "ESSENTIAL_COMPONENT",
                "itemKind", "SLIDE", "construction", "ADDITIVELY_MANUFACTURED", "marked", false)).getStatusCode().value()).isEqualTo(201);
        clock.now = Instant.now();

        // the analyst drafts a new version from the queue's link to the indicators
        watched(page);
        signIn("customs");
        page.navigate(base + "/parcels/queue");
        page.getByRole(AriaRole.LINK, named("Risk indicators")).click();
        page.waitForURL(base + "/parcels/rules");
        screenshot("rule-packs-indicators");
        assertThat(page.locator("#indicators tbody tr").count()).isGreaterThan(5);
        page.getByRole(AriaRole.BUTTON, named("Draft a new version from the active one")).click();
        page.locator("#draft-form").waitFor();
        assertThat(page.locator("#state").textContent()).isEqualTo("Draft");
        Locator blocks = page.locator("fieldset.rule-block");
        Locator fresh = blocks.nth(blocks.count() - 1);
        fresh.getByLabel("Rule id (lower-case letters, digits, dashes)").fill("walrus-figurines");
        fresh.getByLabel("Conditions, one a line, all must hold (e.g. description contains any: \"solvent trap\")")
                .fill("description contains any: \"walrus figurine\"");
        fresh.getByLabel("Weight (log-odds lift, -10 to 10)").fill("heavy");
        fresh.getByLabel("Rationale (one line)").fill("Slides have been found in walrus figurines.");
        // checked as she types, with the library's words, naming the rule and the field
        page.locator("#check-problems").filter(new Locator.FilterOptions().setHasText("rule walrus-figurines, weight")).waitFor();
        assertThat(page.locator("#check-problems").textContent()).contains("expected a number, got 'heavy'");
        fresh.getByLabel("Weight (log-odds lift, -10 to 10)").fill("3");
        fresh.getByLabel("Source (where the pattern comes from)").fill("seizure report of yesterday");
        Locator preview = page.locator("#preview tr[data-rule='walrus-figurines']");
        preview.waitFor();
        assertThat(preview.textContent()).contains("This rule would have held 2 of yesterday's items, 1 of them seized");
        screenshot("rule-packs-draft");
        page.getByRole(AriaRole.BUTTON, named("Save the draft")).click();
        page.locator("#notice").waitFor();
        assertThat(page.locator("#notice").textContent()).contains("saved");
        String url = page.url();
        int version = Integer.parseInt(url.substring(url.lastIndexOf('/') + 1));
        page.getByRole(AriaRole.BUTTON, named("Submit for approval")).click();
        page.locator("#awaiting").waitFor();
        assertThat(page.locator("#state").textContent()).isEqualTo("Awaiting approval");
        assertThat(page.locator("#approve").count()).as("the author is offered no approval").isZero();

        // the supervisor reads the diff and approves
        Page sup = watched(newPage(1366, 900, "en"));
        signIn(sup, "supervisor");
        sup.navigate(base + "/parcels/rules/" + version);
        Locator added = sup.locator("#diff-table tr[data-rule='walrus-figurines']");
        assertThat(added.first().getAttribute("data-change")).isEqualTo("added");
        assertThat(sup.locator("#diff-table").textContent()).contains("walrus-figurines").contains("description contains any: \"walrus figurine\"");
        sup.getByLabel("Note (optional)").fill("matches yesterday's seizure");
        screenshot(sup, "rule-packs-approval");
        sup.getByRole(AriaRole.BUTTON, named("Approve")).click();
        sup.locator("#notice").waitFor();
        assertThat(sup.locator("#state").textContent()).isEqualTo("Active");
        assertThat(sup.locator("#approver").textContent()).contains("supervisor");
        sup.navigate(base + "/parcels/rules");
        assertThat(sup.locator("#active-version").textContent()).contains("version " + version);

        // the next item is scored with the new version and its rule
        Map<String, Object> next = item(newItemId());
        line(next, 0).put("description", "walrus figurine, resin");
        Map<String, Object> a = answers(postal.submit(List.of(next))).get(0);
        assertThat(String.valueOf(a.get("rulesHit"))).contains("walrus-figurines");
        assertThat((String) a.get("reasons")).contains("indicator walrus-figurines");
        assertThat(jdbc.sql("select d.rule_pack from parcel_decision d join parcel_declaration p on p.id = d.declaration_id where p.item_id = ?")
                .param(next.get("itemId")).query(String.class).single()).endsWith(" r" + version);
        assertThat(violations).isEmpty();
        sup.context().close();
    }
}
