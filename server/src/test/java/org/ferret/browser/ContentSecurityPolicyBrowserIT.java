package org.ferret.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The strict Content-Security-Policy (scripts and styles from Ferret only) leaves every screen working: htmx and
 * ECharts load from the webjars, the charts draw, htmx swaps work, and Chromium reports no blocked script or style.
 */
@FerretIntegrationTest
class ContentSecurityPolicyBrowserIT extends BrowserTest {

    final List<String> violations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void watch() {
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                violations.add(page.url() + ": " + m.text());
            }
        });
        page.onPageError(e -> violations.add(page.url() + ": " + e));
    }


    @Test
    void every_screen_works_under_the_policy_with_nothing_blocked() {
        signIn("admin");
        assertThat(page.evaluate("() => typeof window.htmx")).isEqualTo("object");
        assertThat(page.evaluate("() => typeof window.echarts")).isEqualTo("object");
        page.locator("[data-chart-from] canvas").first().waitFor();

        for (String path : List.of("/items/search?serial=AB123", "/items/marking-required", "/items/new",
                "/items/import", "/holders", "/tracing/search", "/tracing/requests", "/tracing/requests/new",
                "/admin/users", "/admin/tokens", "/audit", "/parcels/queue", "/parcels/dashboard")) {
            page.navigate(base + path);
            assertThat(page.locator("h1").first().isVisible()).as(path).isTrue();
        }
        page.context().close();
        page = newPage(1280, 900, "en-US");
        watch();
        page.navigate(base + "/login?locked=120");
        assertThat(page.locator("#locked").textContent()).contains("2 minutes");

        signIn("auditor");
        page.navigate(base + "/audit");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify the chain")).click();
        page.locator("#verification .alert").first().waitFor();
        assertThat(page.locator("#verification").textContent()).contains("intact");

        assertThat(violations).isEmpty();
    }
}
