package org.ferret.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/** Administrators, auditors and read-only users in the web UI, in Debian's Chromium. */
@FerretIntegrationTest
class AdministrationBrowserIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;



    Locator nav() {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
    }

    @Test
    void an_administrator_adds_a_user_and_issues_a_token_whose_secret_is_shown_only_once() {
        String username = "analyst" + ThreadLocalRandom.current().nextInt(1000, 10_000);
        signIn("admin");
        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Users")).click();

        // a bad submission names each field and keeps nothing secret
        page.getByLabel("User name", new Page.GetByLabelOptions().setExact(true)).fill("Bad Name!");
        page.getByLabel("Initial password").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add user")).click();
        assertThat(page.locator("#username-error")).containsText("3-64");
        assertThat(page.locator("#roles-error")).containsText("at least one role");
        // every problem at once: the short password is named beside the others, not after they are fixed
        assertThat(page.locator("#password-error")).containsText("at least 10 characters");
        assertThat(page.locator("#error-summary")).containsText("Initial password: at least 10 characters");
        assertThat(page.getByLabel("Initial password")).hasValue("");

        page.getByLabel("User name", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByLabel("Full name").fill("Customs Analyst Two");
        page.getByLabel("Initial password").fill("a-long-enough-password");
        page.getByLabel("Agency").selectOption("CUSTOMS");
        page.getByLabel("Customs analyst").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add user")).click();
        assertThat(page.locator("#notice")).containsText("User " + username + " created");
        assertThat(page.locator("#user-table")).containsText("Customs Analyst Two");
        screenshot("07-users");

        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("API tokens")).click();
        page.getByLabel("Token name").fill("customs gateway");
        page.getByLabel("Owner").selectOption(username);
        page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("CUSTOMS_ANALYST");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue token")).click();
        assertThat(page.locator("#token-secret")).containsText("fer_");
        String secret = page.locator("#token-secret").textContent().strip();
        screenshot("08-token-created");

        page.navigate(base + "/admin/tokens");
        assertThat(page.locator("#token-secret")).hasCount(0);
        assertThat(page.locator("main")).not().containsText(secret);
        Locator row = page.locator("#token-table tbody tr").filter(new Locator.FilterOptions().setHasText("customs gateway"));
        assertThat(row).containsText("active");
        // revoking asks first: keeping it changes nothing
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Revoke customs gateway")).click();
        assertThat(page.locator("h1")).containsText("Revoke the token “customs gateway”?");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Keep it")).click();
        assertThat(page.locator("#token-table tbody tr").filter(new Locator.FilterOptions().setHasText("customs gateway")))
                .containsText("active");
        page.locator("#token-table tbody tr").filter(new Locator.FilterOptions().setHasText("customs gateway"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Revoke customs gateway")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the token")).click();
        assertThat(page.locator("#notice")).containsText("revoked");
        assertThat(page.locator("#token-table tbody tr").filter(new Locator.FilterOptions().setHasText("customs gateway")))
                .containsText("revoked");
    }

    @Test
    void an_auditor_verifies_the_audit_chain_and_filters_the_trail() {
        signIn("auditor");
        assertThat(nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Register item"))).hasCount(0);
        assertThat(nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Users"))).hasCount(0);
        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Audit trail")).click();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify the chain")).click();
        assertThat(page.locator("#verification")).containsText("The chain is intact");

        // an entry altered directly in the database: the auditor sees where the chain breaks
        long seq = jdbc.queryForObject("select min(seq) from audit_log where action = 'USER_CREATED'", Long.class);
        String actor = jdbc.queryForObject("select actor from audit_log where seq = ?", String.class, seq);
        org.ferret.testsupport.Dba.of(jdbc).update("update audit_log set actor = 'mallory' where seq = ?", seq);
        try {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify the chain")).click();
            assertThat(page.locator("#verification")).containsText("The chain is broken at entry " + seq);
            assertThat(page.locator("#verification")).containsText("was altered");
            screenshot("09b-audit-broken");
        } finally {
            org.ferret.testsupport.Dba.of(jdbc).update("update audit_log set actor = ? where seq = ?", actor, seq);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify the chain")).click();
        assertThat(page.locator("#verification")).containsText("The chain is intact");

        page.getByLabel("Action").fill("USER_CREATED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.locator("#audit-table")).containsText("User created");
        assertThat(page.locator("#audit-table")).not().containsText("Agency created");
        screenshot("09-audit");
    }

    @Test
    void a_read_only_user_sees_no_register_link_and_is_refused_the_register_page() {
        signIn("readonly");
        assertThat(nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Register item"))).hasCount(0);
        assertThat(nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Marking required"))).isVisible();
        var response = page.navigate(base + "/items/new");
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not allowed"))).isVisible();
    }

    @Test
    void a_registrar_uploads_a_csv_with_a_broken_row_and_sees_it_by_line_and_column_with_nothing_imported() {
        String ref = "UI-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String csv = """
                external_ref,kind,manufacturer,model,country_of_manufacture,serial_number,marking_manufacturer,marking_country_or_place
                %s-1,pistol,CZ,75,CZ,%s-A,CZ,CZ
                %s-2,pistole,CZ,75,CZ,%s-B,CZ,CZ
                %s-3,rifle,Sako,85,XX,%s-C,Sako,FI
                """.formatted(ref, ref, ref, ref, ref, ref);
        signIn("registrar");
        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("CSV import")).click();
        page.getByLabel("CSV file").setInputFiles(new FilePayload("items.csv", "text/csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();

        assertThat(page.locator("#import-report")).containsText("nothing was written");
        Locator problems = page.locator("#problems tbody tr");
        assertThat(problems.filter(new Locator.FilterOptions().setHasText("kind")).first()).containsText("3");
        assertThat(problems.filter(new Locator.FilterOptions().setHasText("country_of_manufacture")).first()).containsText("4");
        screenshot("10-import-report");

        page.navigate(base + "/items/search?serial=" + ref + "-A");
        assertThat(page.locator("#results")).containsText("Nothing in the registry carries this serial number");
    }

    @Test
    void a_keyboard_user_signs_in_and_looks_up_a_serial_without_a_mouse_and_unknown_items_get_a_plain_404() {
        var first = page.navigate(base + "/items/search");
        // not signed in: sent to the sign-in page, the user name field has focus
        org.assertj.core.api.Assertions.assertThat(page.url()).endsWith("/login");
        org.assertj.core.api.Assertions.assertThat(first.ok()).isTrue();
        page.keyboard().type("investigator");
        page.keyboard().press("Tab");
        page.keyboard().type("investigator-demo");
        page.keyboard().press("Enter");
        page.waitForURL("**/items/search**");

        // skip link first, then the brand, then the header search box
        page.keyboard().press("Tab");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("Skip to content");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("document.activeElement.id")).isEqualTo("header-serial");
        page.keyboard().type("NO-SUCH-SERIAL-1");
        page.keyboard().press("Enter");
        assertThat(page.locator("#results")).containsText("Nothing in the registry carries this serial number");

        var missing = page.navigate(base + "/items/00000000-0000-0000-0000-000000000000");
        org.assertj.core.api.Assertions.assertThat(missing.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
        var garbage = page.navigate(base + "/items/not-an-id");
        org.assertj.core.api.Assertions.assertThat(garbage.status()).isEqualTo(404);
    }
}
