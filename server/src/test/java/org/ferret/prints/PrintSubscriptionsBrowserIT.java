package org.ferret.prints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.ferret.printfiles.corpus.Corpus;
import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.Nodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A print reviewer on node A subscribes to node B's fingerprint library on the subscription screen, sees the version
 * and the part that arrived (also on the library screen, apart from A's own parts), B's screen lists A as a
 * subscriber, and the reviewer unsubscribes after a confirmation; the screens fit 400 and 1366 px. Both nodes serve
 * HTTPS with the test certificate (testsupport.Nodes), as the exchange needs: the browser contexts here accept that
 * certificate (ignoreHTTPSErrors), while node-to-node TLS still verifies it.
 */
@FerretIntegrationTest
class PrintSubscriptionsBrowserIT extends BrowserTest {
    static final Nodes.Node A = Nodes.Node.self("node-a");
    static final Nodes.Node B = Nodes.Node.fresh("node-b");
    static ConfigurableApplicationContext nodeB;

    @DynamicPropertySource
    static void nodeA(DynamicPropertyRegistry r) {
        Nodes.register(r, A, B);
    }

    @AfterAll
    static void stopB() {
        Nodes.stop(nodeB, B);
    }

    @Override
    protected Page newPage(int width, int height, String locale) {
        Page p = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale(locale)
                .setIgnoreHTTPSErrors(true)).newPage();
        p.setDefaultTimeout(15_000);
        return p;
    }

    @BeforeEach
    void overHttps() {
        base = "https://127.0.0.1:" + port;
    }

    private static void signInAt(Page p, String at, String user) {
        p.navigate(at + "/login");
        p.getByLabel("User name").fill(user);
        p.getByLabel("Password").fill(user + "-demo");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        p.waitForURL(at + "/");
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String node) {
        return TwoNodeLibraryIT.row(rows, node);
    }

    @Test
    void a_reviewer_subscribes_to_another_nodes_library_sees_what_arrived_and_unsubscribes_after_confirming() {
        nodeB = Nodes.start(B, Map.of(), A.onPort(port));
        String baseB = B.url();
        RestClient reviewerA = Nodes.client(port, "printreview");
        RestClient reviewerB = Nodes.client(B.port(), "printreview");
        Corpus.Part part = Corpus.knownParts(1, 5151).get(0);
        TwoNodeLibraryIT.addPart(reviewerB, part, "seizure B-51");

        watch(page);
        signIn("printreview");
        page.locator("nav.mainnav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Library subscriptions")).click();
        page.waitForURL(base + "/prints/subscriptions");
        assertThat(page.locator("#no-subscriptions").textContent()).contains("own known parts only");

        // the form says what is missing, in words
        page.locator("#subscribe").evaluate("b => b.form.noValidate = true");
        page.locator("#subscribe").click();
        assertThat(page.locator(".alert-error").textContent()).contains("choose the node");
        page.getByLabel("Node", new Page.GetByLabelOptions().setExact(true)).selectOption("node-b");
        page.locator("#subscribe").click();
        page.waitForURL(base + "/prints/subscriptions");
        assertThat(page.locator("#notice").textContent()).contains("Subscribed to the library of node-b");

        // once B's library has arrived, the screen shows its version and parts; node-b is no longer offered
        var got = Nodes.eventually(() -> TwoNodeLibraryIT.subscriptions(reviewerA),
                l -> Long.valueOf(1).equals(TwoNodeLibraryIT.asLong(row(l, "node-b").get("libraryVersion"))));
        assertThat(TwoNodeLibraryIT.asLong(row(got, "node-b").get("libraryVersion"))).isEqualTo(1L);
        page.reload();
        Locator subscription = page.locator("#subscriptions tr[data-node='node-b']");
        assertThat(subscription.textContent()).contains("node-b").contains("Version 1").doesNotContain("Waiting");
        assertThat(subscription.locator("td.num").textContent().strip()).isEqualTo("1");
        assertThat(page.locator("#all-subscribed").isVisible()).isTrue();
        screenshot("prints-subscriptions-1280");

        // B's screen lists A among the nodes that receive its library
        Page onB = newPage(1280, 900, "en-US");
        try {
            signInAt(onB, baseB, "printreview");
            onB.navigate(baseB + "/prints/subscriptions");
            assertThat(onB.locator("#subscribers tr[data-node='node-a']").textContent())
                    .contains("Version 1").contains("Receives every new version");
            screenshot(onB, "prints-subscribers-1280");
        } finally {
            onB.context().close();
        }

        // the library screen shows B's part as node-b/<id> with its source, apart from this node's own parts
        page.locator("nav.mainnav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Fingerprint library")).click();
        page.waitForURL(base + "/prints/library");
        assertThat(page.locator("#parts").count()).isZero();
        assertThat(page.locator("table.received-parts[data-node='node-b']").textContent())
                .contains("node-b/KP-00001").contains("seizure B-51").contains("stand-in");
        assertThat(page.locator("#subscriptions-link").getAttribute("href")).endsWith("/prints/subscriptions");
        screenshot("prints-library-received");

        for (int width : new int[] {400, 1366}) {
            Page p = newPage(width, 900, "en-US");
            try {
                signIn(p, "printreview");
                for (String screen : List.of("/prints/subscriptions", "/prints/subscriptions/node-b/unsubscribe", "/prints/library")) {
                    p.navigate(base + screen);
                    Number scroll = (Number) p.evaluate("() => document.documentElement.scrollWidth");
                    Object wider = p.evaluate("w => [...document.querySelectorAll('main *')].filter(e => !e.closest('.table-wrap') && e.getBoundingClientRect().right > w)"
                            + ".slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className).join(' ')", width);
                    assertThat(scroll.intValue()).as(screen + " width at " + width + " px (wider: " + wider + ")").isLessThanOrEqualTo(width);
                }
                p.navigate(base + "/prints/subscriptions");
                screenshot(p, "prints-subscriptions-" + width);
            } finally {
                p.context().close();
            }
        }

        // unsubscribe asks first; keeping the subscription changes nothing
        page.navigate(base + "/prints/subscriptions");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unsubscribe from node-b")).click();
        page.waitForURL(base + "/prints/subscriptions/node-b/unsubscribe");
        assertThat(page.locator("h1").textContent()).contains("Unsubscribe from the library of node-b?");
        assertThat(page.locator("main").textContent()).contains("Version 1").contains("no longer compared");
        screenshot("prints-unsubscribe-confirm");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Keep the subscription")).click();
        page.waitForURL(base + "/prints/subscriptions");
        assertThat(page.locator("#subscriptions tr[data-node='node-b']").count()).isOne();
        assertThat(row(TwoNodeLibraryIT.subscriptions(reviewerA), "node-b").get("active")).isEqualTo(true);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unsubscribe from node-b")).click();
        page.locator("#confirm-unsubscribe").click();
        page.waitForURL(base + "/prints/subscriptions");
        assertThat(page.locator("#notice").textContent()).contains("Unsubscribed from the library of node-b")
                .contains("1 known part is no longer used");
        assertThat(page.locator("#no-subscriptions").isVisible()).isTrue();
        assertThat(page.locator("#ended tr[data-node='node-b']").textContent()).contains("Version 1");
        assertThat(page.locator("#node option[value='node-b']").count()).isOne();
        assertThat(row(TwoNodeLibraryIT.subscriptions(reviewerA), "node-b").get("active")).isEqualTo(false);
        screenshot("prints-subscriptions-ended");

        page.navigate(base + "/prints/library");
        assertThat(page.locator("#no-received").isVisible()).isTrue();
        assertThat(page.locator("main").textContent()).doesNotContain("node-b/KP-00001");

        // B hears of it: A is no longer among the nodes receiving its library
        var subsB = Nodes.eventually(() -> TwoNodeLibraryIT.subscribers(reviewerB), l -> Boolean.FALSE.equals(row(l, "node-a").get("active")));
        assertThat(row(subsB, "node-a").get("active")).isEqualTo(false);
        onB = newPage(1280, 900, "en-US");
        try {
            signInAt(onB, baseB, "printreview");
            onB.navigate(baseB + "/prints/subscriptions");
            assertThat(onB.locator("#subscribers tr[data-node='node-a']").textContent()).contains("Unsubscribed");
        } finally {
            onB.context().close();
        }
        assertThat(violations).isEmpty();
    }
}
