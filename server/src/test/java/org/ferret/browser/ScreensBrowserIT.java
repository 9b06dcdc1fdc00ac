package org.ferret.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

/**
 * What a professional tool looks like, checked on the rendered screens in Chromium: words, never enum constants; one
 * date shape, the user's locale's (Accept-Language); a navigation that does not wrap at 1366 px; at 400 px a
 * dashboard whose tables scroll inside their box and whose chart labels do not run together; a favicon.
 */
@FerretIntegrationTest
class ScreensBrowserIT extends BrowserTest {

    /** The screens an administrator sees, with an item that has a history on them. */
    static final List<String> PAGES = List.of("/", "/items/search?serial=%s", "/items/%s", "/items/marking-required",
            "/items/new", "/items/import", "/holders?licence=%s", "/tracing/search?q=%s", "/tracing/requests",
            "/tracing/requests/new", "/admin/users", "/admin/tokens", "/audit");

    static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";
    static final Pattern ISO = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    static final Pattern NUMERIC = Pattern.compile("\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b");
    static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b\\d{1,2} " + MONTH + " \\d{4}\\b");
    static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + " \\d{1,2}, \\d{4}\\b");
    /** Constant-like words: two or more capitalised words joined by underscores (THEFT_REPORTED). */
    static final Pattern CONSTANT = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b");

    String serial;
    String itemId;
    String licence;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void anItemWithAHistory() {
        serial = "SC" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        licence = "LIC-" + serial;
        var registrar = api("registrar");
        Map<String, Object> holder = registrar.post().uri("/api/v1/holders").body(Map.of("type", "PERSON",
                "role", "OWNER", "name", "Aino Screen", "licenceNumber", licence, "country", "FI"))
                .retrieve().body(Map.class);
        Map<String, Object> item = registrar.post().uri("/api/v1/items").body(Map.of("kind", "SUBMACHINE_GUN",
                "manufacturer", "HK", "model", "MP5", "calibre", "9x19mm", "construction", "ADDITIVELY_MANUFACTURED",
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "HK", "countryOrPlace", "DE",
                        "serialNumber", serial, "method", "EMBEDDED_METAL_INSERT")),
                "initialEvent", Map.of("type", "MANUFACTURE", "occurredOn", "2022-03-14", "country", "DE")))
                .retrieve().body(Map.class);
        itemId = (String) item.get("id");
        registrar.post().uri("/api/v1/items/{id}/events", itemId).body(Map.of("type", "TRANSFER_OF_POSSESSION",
                "occurredOn", "2023-06-01", "holderId", holder.get("id"))).retrieve().toBodilessEntity();
        registrar.post().uri("/api/v1/items/{id}/events", itemId).body(Map.of("type", "THEFT_REPORTED",
                "occurredOn", "2026-11-28", "reference", "POL-1")).retrieve().toBodilessEntity();
    }

    @Test
    void every_main_screen_shows_dates_in_the_one_format_of_the_users_locale_and_no_constant_names() {
        check(page, Pattern.compile(MONTH_DAY_YEAR.pattern()), "Nov 28, 2026");
        Page british = newPage(1280, 900, "en-GB");
        try {
            signIn(british, "admin");
            check(british, Pattern.compile(DAY_MONTH_YEAR.pattern()), "28 Nov 2026");
        } finally {
            british.context().close();
        }
    }

    private void check(Page p, Pattern allowed, String theftDate) {
        if (p == page) {
            signIn("admin");
        }
        List<String> problems = new ArrayList<>();
        Set<String> constants = constants();
        for (String path : PAGES) {
            String url = base + path.formatted(path.contains("holders") ? licence : path.contains("items/%s") ? itemId : serial);
            p.navigate(url);
            String text = visibleText(p);
            if (path.equals("/items/%s")) {
                assertThat(text).as("the item page dates the theft").contains(theftDate);
                assertThat(text).contains("Submachine gun", "Reported stolen", "Additively manufactured");
            }
            for (Pattern shape : List.of(ISO, NUMERIC, DAY_MONTH_YEAR, MONTH_DAY_YEAR)) {
                if (shape.pattern().equals(allowed.pattern())) {
                    continue;
                }
                Matcher m = shape.matcher(text);
                while (m.find()) {
                    problems.add(path + ": date \"" + m.group() + "\" is not in the locale's format");
                }
            }
            Matcher c = CONSTANT.matcher(text);
            while (c.find()) {
                problems.add(path + ": constant name \"" + c.group() + "\" on the screen");
            }
            for (String word : text.split("[^A-Z_]+")) {
                if (constants.contains(word)) {
                    problems.add(path + ": constant name \"" + word + "\" on the screen");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The text a person reads: the page without scripts and without code or data blocks (JSON, CSV columns). */
    static String visibleText(Page p) {
        return (String) p.evaluate("""
                () => { const c = document.body.cloneNode(true);
                        c.querySelectorAll('script, style, code, pre, noscript').forEach(e => e.remove());
                        return c.textContent.replace(/\\s+/g, ' '); }""");
    }

    /** Names of the enum constants people could be shown (four letters or more, so "AT" or "UTC" are not taken). */
    static Set<String> constants() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : List.of(org.ferret.registry.ItemKind.class, org.ferret.registry.ItemStatus.class,
                org.ferret.registry.EventType.class, org.ferret.registry.Construction.class,
                org.ferret.registry.MarkingKind.class, org.ferret.registry.MarkingMethod.class,
                org.ferret.registry.HolderRole.class, org.ferret.registry.HolderType.class,
                org.ferret.identity.Role.class, org.ferret.tracing.TraceStatus.class, org.ferret.tracing.Urgency.class)) {
            for (Object c : type.getEnumConstants()) {
                String n = ((Enum<?>) c).name();
                if (n.length() >= 4) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    @Test
    void holders_appear_by_name_and_licence_to_roles_that_may_read_them_and_masked_to_others() {
        signIn("registrar");
        page.navigate(base + "/items/" + itemId);
        assertThat(page.locator("#history").textContent()).contains("Aino Screen, licence " + licence);
        assertThat(page.locator("#current-holder").textContent()).contains("Aino Screen, licence " + licence);
        Page readOnly = newPage(1280, 900, "en-US");
        try {
            signIn(readOnly, "readonly");
            readOnly.navigate(base + "/items/" + itemId);
            String text = visibleText(readOnly);
            assertThat(text).doesNotContain("Aino Screen").doesNotContain(licence).contains("not shown to your role");
        } finally {
            readOnly.context().close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_marking_required_rows_show_reference_serial_agency_and_why() {
        String ref = "MR-" + serial;
        api("registrar").post().uri("/api/v1/items").body(Map.of("kind", "FRAME", "externalRef", ref,
                "construction", "ADDITIVELY_MANUFACTURED")).retrieve().toBodilessEntity();
        signIn("registrar");
        long total = 0;
        for (int p = 0; p < 100; p++) {
            page.navigate(base + "/items/marking-required?page=" + p);
            var row = page.locator("#work-list tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(ref));
            if (row.count() == 1) {
                String text = row.textContent();
                assertThat(text).contains(ref, "NFA", "Frame").contains("item carries no marking");
                return;
            }
            total++;
            if (page.locator(".pager a", new Page.LocatorOptions().setHasText("Next")).count() == 0) {
                break;
            }
        }
        throw new AssertionError("the item " + ref + " is not on the work list (" + total + " pages read)");
    }

    @Test
    void at_1366_pixels_the_navigation_is_one_line_with_every_entry_visible() {
        Page wide = newPage(1366, 800, "en-US");
        try {
            signIn(wide, "admin");
            @SuppressWarnings("unchecked")
            Map<String, Object> nav = (Map<String, Object>) wide.evaluate("""
                    () => { const ul = document.querySelector('.mainnav ul');
                            const tops = [...ul.querySelectorAll('li')].map(li => li.getBoundingClientRect().top);
                            return { entries: tops.length, lines: new Set(tops).size,
                                     hidden: ul.scrollWidth - ul.clientWidth }; }""");
            screenshot(wide, "layout-1366");
            assertThat(((Number) nav.get("entries")).intValue()).isGreaterThanOrEqualTo(11);
            assertThat(((Number) nav.get("lines")).intValue()).as("lines of navigation").isEqualTo(1);
            assertThat(((Number) nav.get("hidden")).intValue()).as("pixels of navigation scrolled out of view")
                    .isLessThanOrEqualTo(0);
        } finally {
            wide.context().close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void at_400_pixels_the_dashboard_tables_scroll_in_their_box_and_chart_labels_do_not_overlap() {
        Page narrow = newPage(400, 800, "en-US");
        try {
            signIn(narrow, "admin");
            narrow.locator("[data-chart-from] canvas").first().waitFor();
            screenshot(narrow, "layout-400-dashboard");
            Map<String, Object> layout = (Map<String, Object>) narrow.evaluate("""
                    () => ({ page: document.documentElement.scrollWidth,
                             wide: [...document.querySelectorAll('.table-wrap')]
                                 .filter(w => w.offsetParent && w.scrollWidth > w.clientWidth + 1).length,
                             cut: [...document.querySelectorAll('table')].filter(t => {
                                 const wrap = t.closest('.table-wrap, details');
                                 const box = (wrap || t.parentElement).getBoundingClientRect();
                                 const scrolls = wrap && ['auto', 'scroll'].includes(getComputedStyle(wrap).overflowX);
                                 return !scrolls && t.getBoundingClientRect().right > box.right + 1; }).length })""");
            assertThat(((Number) layout.get("page")).intValue()).as("page width at a 400 px window").isLessThanOrEqualTo(400);
            assertThat(((Number) layout.get("cut")).intValue()).as("tables cut off instead of scrolling").isZero();
            assertThat(((Number) layout.get("wide")).intValue()).as("dashboard tables wider than a phone (they stack)").isZero();
            // the registry of a country, not of a test: every kind, counts in the millions, drawn again by ferret.js
            narrow.evaluate("""
                    names => { document.querySelectorAll('[data-chart-from]').forEach(el => {
                        echarts.dispose(el); el.removeAttribute('data-wired');
                        const body = document.getElementById(el.getAttribute('data-chart-from')).querySelector('tbody');
                        while (body.children.length < names.length) { body.appendChild(body.children[0].cloneNode(true)); }
                        [...body.children].forEach((tr, i) => { tr.setAttribute('data-value', String(1234567 * (i + 1)));
                            if (el.getAttribute('data-chart-from') === 'kind-table') { tr.setAttribute('data-label', names[i]); } });
                      });
                      document.dispatchEvent(new CustomEvent('htmx:load', { detail: { elt: document.body } })); }""",
                    java.util.Arrays.stream(org.ferret.registry.ItemKind.values()).map(org.ferret.shared.Words::of).toList());
            screenshot(narrow, "layout-400-dashboard-large");
            List<String> overlaps = (List<String>) narrow.evaluate("""
                    () => { const out = [];
                      document.querySelectorAll('[data-chart-from]').forEach(el => {
                        const chart = echarts.getInstanceByDom(el);
                        if (!chart) { return; }
                        const texts = chart.getZr().storage.getDisplayList(true)
                          .filter(e => e.style && e.style.text && !e.invisible && !e.ignore)
                          .map(e => { const r = e.getBoundingRect().clone(); if (e.transform) { r.applyTransform(e.transform); }
                                      return { t: String(e.style.text), r: r }; });
                        for (let i = 0; i < texts.length; i++) { for (let j = i + 1; j < texts.length; j++) {
                          const a = texts[i].r, b = texts[j].r;
                          if (a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1) {
                            out.push(el.getAttribute('data-chart-from') + ': "' + texts[i].t + '" / "' + texts[j].t + '"'); } } }
                        const w = el.getBoundingClientRect().width;
                        texts.forEach(x => { if (x.r.x < -1 || x.r.x + x.r.width > w + 1) {
                          out.push(el.getAttribute('data-chart-from') + ': "' + x.t + '" cut at the edge'); } });
                      });
                      return out; }""");
            assertThat(overlaps).as("chart labels that run together").isEmpty();
        } finally {
            narrow.context().close();
        }
    }

    @Test
    void the_favicon_is_served() {
        var res = page.request().get(base + "/favicon.ico");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.headers().get("content-type")).contains("image");
    }
}
