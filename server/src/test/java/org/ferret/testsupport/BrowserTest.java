package org.ferret.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * The one setup of every browser test: Debian's Chromium through Playwright (never a downloaded browser), one per test
 * class; a fresh page per test at {@link #base} (1280×900, en-US), closed after it; and the steps journeys share: sign
 * in as a demo user, call the API as one, keep a screenshot. Subclasses are {@code @FerretIntegrationTest}s.
 */
public abstract class BrowserTest {

    /** Where journeys leave their screenshots ({@code ferret.screenshots} overrides). */
    public static final Path SCREENSHOTS = Paths.get(System.getProperty("ferret.screenshots",
            System.getProperty("java.io.tmpdir") + "/ferret-ui"));

    protected static Playwright playwright;
    protected static Browser browser;

    @LocalServerPort
    protected int port;
    /** The server's address, e.g. {@code http://localhost:8123}. */
    protected String base;
    /** This test's page (its own browser context, so its own session). */
    protected Page page;
    /** What the pages given to {@link #watched} reported: Content-Security-Policy refusals and uncaught script errors. */
    protected final List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Records the page's Content-Security-Policy refusals and uncaught script errors in {@link #violations}. */
    protected Page watch(Page p) {
        p.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.text().contains("Uncaught")) {
                violations.add(p.url() + ": " + m.text());
            }
        });
        return p;
    }

    @BeforeAll
    static void launchChromium() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String env = System.getenv("FERRET_CHROMIUM");
        Path executable = Paths.get(env != null && !env.isBlank() ? env : "/usr/bin/chromium");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Browser tests need Debian's Chromium at " + executable
                    + " (apt-get install -y chromium) or FERRET_CHROMIUM pointing at a Chromium executable");
        }
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void closeChromium() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openPage() {
        base = "http://localhost:" + port;
        page = newPage(1280, 900, "en-US");
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            page.context().close();
        }
    }

    /** Another page in a context of its own: a window of this size, a browser asking for this locale. */
    protected Page newPage(int width, int height, String locale) {
        Page p = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale(locale))
                .newPage();
        p.setDefaultTimeout(15_000);
        return p;
    }

    /** Signs {@code page} in as a demo user (password {@code <user>-demo}) and waits for the dashboard. */
    protected void signIn(Page p, String user) {
        p.navigate(base + "/login");
        p.getByLabel("User name").fill(user);
        p.getByLabel("Password").fill(user + "-demo");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        p.waitForURL(base + "/");
    }

    /** Signs this test's page in as a demo user. */
    protected void signIn(String user) {
        signIn(page, user);
    }

    /** The REST API as a demo user (HTTP Basic); error statuses are returned, not thrown. */
    protected RestClient api(String user) {
        return RestClient.builder().baseUrl(base)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth(user, user + "-demo")).build();
    }

    /** Keeps a full-page screenshot of {@code p} under {@link #SCREENSHOTS} for people to look at. */
    protected static void screenshot(Page p, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Keeps a screenshot of this test's page. */
    protected void screenshot(String name) {
        screenshot(page, name);
    }
}
