package org.ferret.parcels;

import org.ferret.testsupport.HandClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.util.List;
import java.util.Map;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A supervisor rolls the model back on the supervision page: after three weeks of outcomes a retraining promoted a new
 * version on its report; the supervisor reads it, tries to roll back without a reason (refused at the field), gives
 * one, and the next item is scored with the earlier version again.
 */
@FerretIntegrationTest
@Import(HandClock.Config.class)
@TestPropertySource(properties = {"ferret.parcels.sites.HEL=8", "ferret.parcels.learning.evaluation-days=7",
        "ferret.parcels.learning.tolerance=1"})
class ModelRollbackBrowserIT extends BrowserTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HandClock clock;

    String modelOfNextItem(ParcelsApi postal) {
        String id = newItemId();
        assertThat(answers(postal.submit(List.of(item(id)))).get(0).get("status")).isEqualTo("ACCEPTED");
        return jdbc.sql("select d.model_version from parcel_decision d join parcel_declaration p on p.id = d.declaration_id where p.item_id = ?")
                .param(id).query(String.class).single();
    }

    @Test
    void the_supervisor_rolls_the_model_back_with_a_reason() {
        ParcelsApi postal = new ParcelsApi(port, "postal");
        LearningData.weeks(clock, jdbc, postal, new ParcelsApi(port, "inspector"), 21);
        String bundled = modelOfNextItem(postal);
        var run = new ParcelsApi(port, "supervisor").post("/api/v1/parcels/models/retrain", Map.of("profile", "postal"));
        assertThat(run.getStatusCode().value()).as(String.valueOf(run.getBody())).isEqualTo(201);
        assertThat(run.getBody().get("state")).as("promoted: every figure is within the tolerance of 1").isEqualTo("ACTIVE");
        assertThat(modelOfNextItem(postal)).isNotEqualTo(bundled);

        signIn("supervisor");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Screening supervision")).click();
        assertThat(page.locator("#version-2").textContent()).contains("Active");
        assertThat(page.locator("#version-1").textContent()).contains("Retired").contains("(bundled)");
        assertThat(page.locator("#challenger-report").textContent()).contains("Promoted on this report").contains("picked at random");
        assertThat(page.locator("#weeks-table tbody tr").count()).isPositive();
        // drift: the latest week's comparisons in the open, every earlier one folded below, none lost
        List<?> drift = new ParcelsApi(port, "supervisor").list("/api/v1/parcels/models/drift?profile=postal");
        assertThat(drift).as("three weeks of items give week-on-week comparisons").isNotEmpty();
        assertThat(page.locator("#drift-table tbody tr").count() + page.locator("#drift-earlier-table tbody tr").count())
                .isEqualTo(drift.size());
        assertThat(page.locator("#drift-table tbody tr").count()).isPositive();
        assertThat(page.locator("#drift-earlier").getAttribute("open")).isNull();
        assertThat(page.locator("#drift-table tbody tr td:first-child").allTextContents()).as("one week in the open").hasSize(
                page.locator("#drift-table tbody tr").count()).allMatch(w -> w.equals(
                page.locator("#drift-table tbody tr td:first-child").first().textContent()));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rule packs and approvals")).getAttribute("href"))
                .endsWith("/parcels/rules");

        // without a reason the rollback is refused at the field
        page.getByLabel("Reason for version 1").fill(" ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Roll back to version 1")).click();
        assertThat(page.locator("#error-summary").textContent()).contains("Reason");
        assertThat(page.locator("#version-1 .field-error").textContent()).contains("say why");
        assertThat(modelOfNextItem(postal)).isNotEqualTo(bundled);

        page.getByLabel("Reason for version 1").fill("version 2 holds too many books at HEL");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Roll back to version 1")).click();
        assertThat(page.locator("#notice").textContent()).contains("Rolled back to version 1");
        Locator first = page.locator("#version-1");
        assertThat(first.textContent()).contains("Active").contains("supervisor");
        assertThat(page.locator("#model-changes").textContent()).contains("version 2 holds too many books at HEL");
        assertThat(modelOfNextItem(postal)).isEqualTo(bundled);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'PARCEL_MODEL_ROLLED_BACK' and actor = 'supervisor'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
