package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.line;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.util.List;
import java.util.Map;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The analyst sees an item the operator's system sent and a mandatory rule held, with its reasons, in the queue screen. */
@FerretIntegrationTest
class ParcelQueueBrowserIT extends BrowserTest {

    @Test
    void the_analyst_sees_the_held_item_with_its_reasons_and_filters_by_site() {
        String itemId = newItemId();
        Map<String, Object> i = item(itemId);
        i.put("site", "TKU");
        line(i, 0).put("description", "pistol slide");
        line(i, 0).put("hsCode", "930510");
        var a = answers(new ParcelsApi(port, "postal").submit(List.of(i))).get(0);
        assertThat(a.get("decision")).isEqualTo("HOLD");

        signIn("customs");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Parcel queue")).click();
        page.getByLabel("Screening site").selectOption("TKU");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        Locator row = page.locator("#parcel-queue tbody tr").filter(new Locator.FilterOptions().setHasText(itemId));
        assertThat(row.count()).isEqualTo(1);
        assertThat(row.textContent()).contains("by a mandatory rule").contains("without a licence number").contains("not inspected");
        page.getByLabel("Screening site").selectOption("HEL");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.locator("#parcel-queue tbody tr").filter(new Locator.FilterOptions().setHasText(itemId)).count()).isZero();

        // the inspector records "essential component: slide, unmarked, 3D-printed" by keyboard
        Page insp = newPage(1280, 900, "en-US");
        List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
        insp.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) violations.add(insp.url() + ": " + m.text());
        });
        signIn(insp, "inspector");
        insp.navigate(base + "/parcels/tasks?site=TKU");
        Locator task = insp.locator("#task-" + itemId);
        task.getByLabel("Outcome").focus();
        task.getByLabel("Outcome").selectOption("ESSENTIAL_COMPONENT");
        task.getByLabel("Which item").selectOption("SLIDE");
        task.getByLabel("Made as").selectOption("ADDITIVELY_MANUFACTURED");
        task.getByLabel("Unmarked").press("Space");
        task.getByLabel("Notes").fill("printed slide under toy parts");
        task.getByLabel("Notes").press("Enter");
        assertThat(insp.locator(".alert-ok").first().textContent()).contains("registered as a seized slide").contains("marking-required");
        assertThat(insp.locator("#task-" + itemId).textContent()).contains("Outcome: essential component");
        insp.navigate(base + "/items/marking-required");
        // the work list runs oldest first; the new slide is on its last page
        Locator next = insp.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Next →"));
        while (next.count() > 0) {
            insp.navigate(base + next.getAttribute("href"));
        }
        // the seized slide is on the work list, linked to its parcel's declaration
        Locator listed = insp.locator("#work-list tr").filter(new Locator.FilterOptions().setHasText("parcel:"));
        assertThat(listed.count()).isPositive();
        assertThat(listed.last().textContent()).contains("Slide").contains("seized").contains("no marking");
        assertThat(violations).as("blocked by the Content-Security-Policy").isEmpty();
        insp.context().close();
    }

    @Test
    void an_outcome_without_its_component_is_refused_next_to_the_task() {
        String itemId = newItemId();
        Map<String, Object> i = item(itemId);
        i.put("site", "TKU");
        line(i, 0).put("hsCode", "930330");
        answers(new ParcelsApi(port, "postal").submit(List.of(i)));
        Page insp = newPage(1280, 900, "en-US");
        signIn(insp, "inspector");
        insp.navigate(base + "/parcels/tasks?site=TKU");
        Locator task = insp.locator("#task-" + itemId);
        task.getByLabel("Outcome").selectOption("ESSENTIAL_COMPONENT");
        task.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record outcome")).click();
        assertThat(insp.locator("#task-" + itemId + " [role=alert]").textContent()).contains("which essential component");
        insp.context().close();
    }

    @Test
    void a_postal_operator_is_not_offered_registry_screens_it_may_not_read() {
        signIn("postal");
        assertThat(page.locator("nav.mainnav").textContent()).contains("Dashboard")
                .doesNotContain("Serial lookup").doesNotContain("Marking required");
        assertThat(page.locator("form.header-search").count()).isZero();
    }
}
