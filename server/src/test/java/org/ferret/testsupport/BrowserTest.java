package org.ferret.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;

/** Base of the browser tests: one Debian Chromium (through {@link Browsers}) per test class, closed after it. */
public abstract class BrowserTest {

    protected static Playwright playwright;
    protected static Browser browser;

    @BeforeAll
    static void launchChromium() {
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void closeChromium() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }
}
