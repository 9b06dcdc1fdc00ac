package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.line;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The daily parcels screens in Chromium: the operator's home and submissions with a rejected item and its reason,
 * the analyst's queue filters, the item page (score and rules hit, versions, history by keyed hash, the sender and
 * addressee shown on request and the read audited), a manual addition with its required reason, the dashboard
 * counting a recorded outcome, and the queue, item page and dashboard in a 400 px window without a horizontal cut.
 */
@FerretIntegrationTest
class ParcelScreensBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private final List<String> blocked = new CopyOnWriteArrayList<>();

    private Page watched(Page p) {
        p.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) blocked.add(p.url() + ": " + m.text());
        });
        return p;
    }

    private UUID declarationOf(String itemId, int version) {
        return jdbc.sql("select id from parcel_declaration where operator = 'POST' and item_id = ? and version = ?")
                .params(itemId, version).query(UUID.class).single();
    }

    private long audited(String action, String entityId) {
        return jdbc.sql("select count(*) from audit_log where action = ? and entity_id = ?").params(action, entityId)
                .query(Long.class).single();
    }

    private static Map<String, Object> heldByRule(String itemId) {
        Map<String, Object> i = item(itemId);
        i.put("site", "TKU");
        line(i, 0).put("description", "pistol slide");
        line(i, 0).put("hsCode", "930510");
        return i;
    }

    @Test
    void the_operator_sees_submissions_and_rejections_and_the_analyst_works_the_item_page_queue_and_dashboard() {
        watched(page);
        ParcelsApi postal = new ParcelsApi(port, "postal");
        // an earlier item of the same sender and addressee, in a batch of its own (so it arrived before the next)
        String earlier = newItemId();
        answers(postal.submit(List.of(item(earlier))));
        String held = newItemId(), other = newItemId();
        Map<String, Object> bad = item(newItemId());
        String badId = ((String) bad.get("itemId")).substring(0, 10) + (((String) bad.get("itemId")).charAt(10) == '0' ? "1" : "0") + "US";
        bad.put("itemId", badId);
        Map<String, Object> released = item(other);
        released.put("site", "TKU");
        var first = answers(postal.submit(List.of(heldByRule(held), released, bad)));
        assertThat(first.get(0).get("decision")).isEqualTo("HOLD");
        assertThat(first.get(2).get("status")).isEqualTo("REJECTED");
        // a correction: version 2 of the held item
        Map<String, Object> corrected = heldByRule(held);
        line(corrected, 0).put("description", "pistol slide, polymer");
        assertThat(answers(postal.submit(List.of(corrected))).get(0).get("version")).isEqualTo(2);

        // the operator's home is about its own submissions, not the registry
        signIn("postal");
        assertThat(page.locator("main").textContent()).contains("held for inspection").doesNotContain("items in the registry");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Submissions").setExact(true)).click();
        page.getByLabel("Item id starts with").fill(held);
        page.getByLabel("Item id starts with").press("Enter");
        page.waitForURL("**item=" + held + "**");
        Locator rows = page.locator("#submissions tbody tr");
        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.first().textContent()).contains(held).contains("2").contains("Hold for inspection").contains("By a mandatory rule");
        page.getByLabel("Item id starts with").fill(badId);
        page.getByLabel("Item id starts with").press("Enter");
        page.waitForURL("**item=" + badId + "**");
        assertThat(page.locator("#submissions tbody tr").count()).isZero();
        Locator rejected = page.locator("#rejections tbody tr").filter(new Locator.FilterOptions().setHasText(badId));
        assertThat(rejected.count()).isEqualTo(1);
        assertThat(rejected.textContent()).contains("items[2].itemId").contains("wrong S10 check digit");
        screenshot("parcels-submissions");

        // the analyst filters the queue by site, operator and category
        Page analyst = watched(newPage(1280, 900, "en-US"));
        signIn(analyst, "customs");
        analyst.navigate(base + "/parcels/queue");
        analyst.getByLabel("Screening site").selectOption("TKU");
        analyst.getByLabel("Operator").selectOption("POST");
        analyst.getByLabel("Category").selectOption("GIFT");
        analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        analyst.waitForURL("**category=GIFT**");
        assertThat(analyst.locator("#parcel-queue tbody tr").filter(new Locator.FilterOptions().setHasText(held)).count()).isZero();
        analyst.getByLabel("Category").selectOption("SALE_OF_GOODS");
        analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        analyst.waitForURL("**category=SALE_OF_GOODS**");
        Locator row = analyst.locator("#parcel-queue tbody tr").filter(new Locator.FilterOptions().setHasText(held + " (version 2)"));
        assertThat(row.count()).isEqualTo(1);

        // the item page, reached from the queue by keyboard
        row.getByRole(AriaRole.LINK).focus();
        analyst.keyboard().press("Enter");
        analyst.waitForURL("**/parcels/declarations/**");
        UUID v2 = declarationOf(held, 2);
        assertThat(analyst.url()).endsWith(v2.toString());
        assertThat(analyst.locator("#decision").textContent()).contains("In the inspection queue").contains("by a mandatory rule");
        assertThat(analyst.locator("#rules-hit").textContent()).contains("hs93-without-licence").contains("mandatory")
                .contains("without a licence number");
        assertThat(analyst.locator("#reasons").textContent()).contains("without a licence number");
        assertThat(analyst.locator("#declaration").textContent()).contains("Sale of goods").contains("Inbound")
                .contains("pistol slide, polymer").contains("930510").contains("none given")
                .doesNotContain("Matti");
        assertThat(analyst.locator("#versions").textContent()).contains("Version 2 (this page)").contains("Version 1");
        Locator addressees = analyst.locator("#history-addressee");
        assertThat(addressees.textContent()).contains("earlier item").doesNotContain("Meikäläinen");
        assertThat(addressees.locator("tbody").textContent()).contains(earlier);

        // sender and addressee only on request, and the read is in the audit trail
        long reads = audited("READ_PERSONAL_DATA", v2.toString());
        analyst.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show sender and addressee")).click();
        analyst.waitForURL("**show=parties**");
        assertThat(analyst.locator("#parties").textContent()).contains("Matti Meikäläinen").contains("Shop Inc")
                .contains("recorded in the audit trail");
        assertThat(audited("READ_PERSONAL_DATA", v2.toString())).isEqualTo(reads + 1);
        screenshot(analyst, "parcels-item");

        // a manual addition from the queue screen: refused without a reason, next to the field; then added
        UUID otherId = declarationOf(other, 1);
        if (jdbc.sql("select in_queue from parcel_decision where declaration_id = ?").param(otherId).query(Boolean.class).single()) {
            new ParcelsApi(port, "customs").post("/api/v1/parcels/queue/" + otherId + "/remove", Map.of("reason", "set-up: start released"));
        }
        analyst.navigate(base + "/parcels/queue?site=TKU");
        Locator add = analyst.locator("#add");
        add.getByLabel("Item id").fill(other);
        add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add to the queue")).click();
        // the browser holds the form back while the reason is empty ...
        assertThat(add.getByLabel("Reason").evaluate("e => e.validity.valueMissing")).isEqualTo(true);
        assertThat(analyst.url()).endsWith("/parcels/queue?site=TKU");
        // ... and the server refuses a reason of blanks, next to the field
        add.getByLabel("Reason").fill("   ");
        add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add to the queue")).click();
        analyst.waitForURL("**/parcels/queue/add");
        assertThat(analyst.locator("#reason-error").textContent()).contains("say why");
        assertThat(analyst.locator("#error-summary").textContent()).contains("Reason");
        analyst.locator("#add").getByLabel("Reason").fill("same addressee as a seized slide last week");
        analyst.locator("#add").getByLabel("Reason").press("Enter");
        analyst.waitForURL("**/parcels/queue?site=TKU");
        assertThat(analyst.locator("#notice").textContent()).contains(other).contains("added");
        Locator added = analyst.locator("#parcel-queue tbody tr").filter(new Locator.FilterOptions().setHasText(other));
        assertThat(added.textContent()).contains("by hand");
        assertThat(jdbc.sql("select after_json from audit_log where action = 'PARCEL_QUEUE_ADDED' and entity_id = ?")
                .param(otherId.toString()).query(String.class).single()).contains("same addressee as a seized slide last week");

        // the dashboard counts an outcome recorded by the inspector
        analyst.navigate(base + "/parcels/dashboard?site=TKU&days=7");
        long before = DashboardPage.outcomeCount(analyst, "Other contraband");
        var recorded = new ParcelsApi(port, "inspector").post("/api/v1/parcels/declarations/" + v2 + "/outcome",
                Map.of("kind", "OTHER_CONTRABAND", "notes", "toy parts"));
        assertThat(recorded.getStatusCode().value()).isEqualTo(201);
        analyst.navigate(base + "/parcels/dashboard?site=TKU&days=7");
        assertThat(DashboardPage.outcomeCount(analyst, "Other contraband")).isEqualTo(before + 1);
        assertThat(analyst.locator("#per-day-table tbody tr").count()).isEqualTo(7);
        assertThat(analyst.locator("#capacity-table").textContent()).contains("TKU").contains(" a day × 1 day = ");
        assertThat(analyst.locator("canvas").count()).as("the charts are drawn").isGreaterThanOrEqualTo(3);
        screenshot(analyst, "parcels-dashboard");
        analyst.context().close();
        assertThat(blocked).as("blocked by the Content-Security-Policy").isEmpty();
    }


    @Test
    void the_queue_item_page_and_dashboard_fit_a_400_pixel_window() {
        String held = newItemId();
        Map<String, Object> i = heldByRule(held);
        line(i, 0).put("description", "a very long description of assorted metal parts, springs, screws and a polymer frame");
        answers(new ParcelsApi(port, "postal").submit(List.of(i)));
        Page narrow = watched(newPage(400, 800, "en-US"));
        signIn(narrow, "customs");
        for (String path : List.of("/parcels/queue?site=TKU", "/parcels/declarations/" + declarationOf(held, 1), "/parcels/dashboard")) {
            assertThat(narrow.navigate(base + path).status()).as(path).isEqualTo(200);
            Object fits = narrow.evaluate("() => { const m = document.querySelector('main'); const w = document.querySelector('.table-wrap');"
                    + " return [m.scrollWidth, m.clientWidth, document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                    + " w ? w.scrollWidth : 0, w ? w.clientWidth : 0]; }");
            @SuppressWarnings("unchecked")
            List<Number> n = (List<Number>) fits;
            assertThat(n.get(0).intValue()).as(path + ": main scrollWidth against clientWidth").isLessThanOrEqualTo(n.get(1).intValue());
            assertThat(n.get(2).intValue()).as(path + ": page scrollWidth").isLessThanOrEqualTo(n.get(3).intValue());
            assertThat(n.get(4).intValue()).as(path + ": first table's scrollWidth").isLessThanOrEqualTo(n.get(5).intValue());
        }
        assertThat(narrow.locator("#parcel-queue").count()).isZero(); // the last page was the dashboard
        screenshot(narrow, "parcels-dashboard-400");
        narrow.context().close();
        assertThat(blocked).as("blocked by the Content-Security-Policy").isEmpty();
    }
}
