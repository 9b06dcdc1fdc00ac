package org.ferret.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Starts Debian's Chromium through Playwright (never a downloaded browser) and offers the few steps every journey
 * shares: sign in, and keep a screenshot of a screen for people to look at.
 */
public final class Browsers {

    /** Where journeys leave their screenshots ({@code ferret.screenshots} overrides). */
    public static final Path SCREENSHOTS = Paths.get(System.getProperty("ferret.screenshots",
            System.getProperty("java.io.tmpdir") + "/ferret-ui"));

    private Browsers() {
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser chromium(Playwright playwright) {
        String env = System.getenv("FERRET_CHROMIUM");
        Path executable = Paths.get(env != null && !env.isBlank() ? env : "/usr/bin/chromium");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Browser tests need Debian's Chromium at " + executable
                    + " (apt-get install -y chromium) or FERRET_CHROMIUM pointing at a Chromium executable");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    public static Page page(Browser browser) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        page.setDefaultTimeout(15_000);
        return page;
    }

    public static void signIn(Page page, String base, String username, String password) {
        page.navigate(base + "/login");
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(base + "/");
    }

    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
