package org.ferret.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** An auditor signs a checkpoint, proves an entry is in it, and sees a rewritten log named, in Debian's Chromium. */
@FerretIntegrationTest
class CheckpointBrowserIT extends BrowserTest {

    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry r) {
        r.add("ferret.audit.checkpoints.interval", () -> "PT3H");
    }

    @Autowired
    JdbcTemplate jdbc;



    Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void an_auditor_signs_a_checkpoint_proves_an_entry_and_sees_a_rewritten_log_that_the_chain_alone_passes() {
        String base = "http://localhost:" + port;
        signIn("auditor");
        page.getByRole(AriaRole.NAVIGATION, named("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Audit trail")).click();
        assertThat(page.locator("#checkpoints")).containsText("No checkpoint has been signed yet");

        page.getByRole(AriaRole.BUTTON, named("Sign a checkpoint now")).click();
        assertThat(page.locator("#checkpoint-result")).containsText("Checkpoint signed");
        assertThat(page.locator("#checkpoint-result")).containsText("No witness node is configured");
        assertThat(page.locator("#checkpoints")).containsText("The latest checkpoint covers the first");

        page.getByLabel("Prove entry #").fill("2");
        page.getByRole(AriaRole.BUTTON, named("Prove")).click();
        assertThat(page.locator("#proof-result")).containsText("Entry 2 is in the signed log");
        assertThat(page.locator("#proof-result")).containsText("Anyone holding that checkpoint can check this");
        screenshot("audit-inclusion-proof");

        AuditTampering attacker = new AuditTampering(jdbc);
        attacker.rewriteFrom(2, "mallory");
        try {
            page.getByRole(AriaRole.BUTTON, named("Verify the chain")).click();
            assertThat(page.locator("#verification")).containsText("The chain is intact");
            assertThat(page.locator("#verification")).containsText("The log does not match its signed checkpoints");
            assertThat(page.locator("#verification")).containsText("does not match: root differs");
            screenshot("audit-checkpoint-mismatch");
            page.getByRole(AriaRole.BUTTON, named("Sign a checkpoint now")).click();
            assertThat(page.locator("#checkpoint-result")).containsText("No checkpoint was signed");
        } finally {
            attacker.restore();
        }
    }
}
