package org.ferret.standards;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.JsonApi;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Issue 15's journey: a registrar deactivates a pistol; one operation missing is refused with its paragraph, then it passes. */
@FerretIntegrationTest
class StandardsBrowserIT extends BrowserTest {

    @Test
    @SuppressWarnings("unchecked")
    void a_registrar_deactivates_a_pistol_refused_for_a_missing_operation_then_passes_with_the_certificate_on_the_timeline() {
        Map<String, Object> item = api("registrar").post().uri("/api/v1/items").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("kind", "PISTOL", "manufacturer", "Glock", "calibre", "9x19mm", "markings", List.of(Map.of(
                        "kind", "MANUFACTURE", "manufacturer", "Glock", "countryOrPlace", "Austria", "serialNumber", JsonApi.unique("BR")))))
                .retrieve().body(Map.class);
        signIn("registrar");
        page.navigate(base + "/items/" + item.get("id"));
        page.locator("#assess-link").click();
        assertThat(page.locator("h1")).containsText("eu-2015-2403@2018/337");
        assertThat(page.locator("#firearmType")).hasValue("PISTOL");
        // the checklist: every fact with its unit and paragraph; the feed ramp left as it was (not removed)
        assertThat(page.locator("label[for=facts-pin_diameter]")).hasText("Diameter of the pin across the chamber (mm) · Annex I, Table I, 1.2");
        fill(page, Map.ofEntries(Map.entry("calibre", "9"), Map.entry("chamber_length", "19"), Map.entry("chamber_diameter", "9.9"),
                Map.entry("slot_width", "5"), Map.entry("slot_length", "60"), Map.entry("pin_diameter", "5.5"),
                Map.entry("pin_hardness", "45"), Map.entry("breech_face_angle", "60")));
        choose(page, Map.of("barrel_rifled", "yes", "chamber_blocking", "pin", "pin_welded", "yes", "feed_ramp_removed", "no",
                "barrel_secured", "yes", "firing_pin_removed_or_shortened", "yes", "deactivation_mark_applied", "yes",
                "certificate_issued", "yes"));
        page.locator("#decisions-verification").selectOption("met");
        page.locator("#evidence-verification-verifying_authority").fill("National Proof House");
        page.locator("#evidence-verification-verification_report").fill("NPH-2026-17");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assess")).click();
        assertThat(page.locator("#verdict")).hasText("Failed");
        assertThat(page.locator("#result-feed-ramp")).containsText("Not met");
        assertThat(page.locator("#missing")).containsText("Annex I, Table I, 1.3 (Feed ramp removed): not met");
        screenshot("standards-01-assessment-failed");

        // the deactivation is refused, naming the paragraph
        page.navigate(base + "/items/" + item.get("id"));
        deactivate(page);
        assertThat(page.locator("#deactivationStandard-error")).containsText("Annex I, Table I, 1.3");
        assertThat(page.locator("#item-status")).hasText("in lawful possession");
        screenshot("standards-02-deactivation-refused");

        // corrected: the feed ramp removed; the assessment passes and the deactivation is recorded
        page.navigate(base + "/items/" + item.get("id"));
        page.locator("#assess-link").click();
        fill(page, Map.ofEntries(Map.entry("calibre", "9"), Map.entry("chamber_length", "19"), Map.entry("chamber_diameter", "9.9"),
                Map.entry("slot_width", "5"), Map.entry("slot_length", "60"), Map.entry("pin_diameter", "5.5"),
                Map.entry("pin_hardness", "45"), Map.entry("breech_face_angle", "60")));
        choose(page, Map.of("barrel_rifled", "yes", "chamber_blocking", "pin", "pin_welded", "yes", "feed_ramp_removed", "yes",
                "barrel_secured", "yes", "firing_pin_removed_or_shortened", "yes", "deactivation_mark_applied", "yes",
                "certificate_issued", "yes"));
        page.locator("#decisions-verification").selectOption("met");
        page.locator("#evidence-verification-verifying_authority").fill("National Proof House");
        page.locator("#evidence-verification-verification_report").fill("NPH-2026-17");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assess")).click();
        assertThat(page.locator("#verdict")).hasText("Passed");

        page.navigate(base + "/items/" + item.get("id"));
        deactivate(page);
        assertThat(page.locator("#item-status")).hasText("deactivated");
        assertThat(page.locator("#history")).containsText("Certificate NPH-D-2026-9, standard eu-2015-2403@2018/337");
        screenshot("standards-03-deactivated");
    }

    @Test
    void an_expert_reads_a_standard_and_compares_two() {
        signIn("expert");
        page.navigate(base + "/standards");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("MOSAIC 05.55 Deactivation of small arms and light weapons (principles)")).click();
        assertThat(page.locator("#req-inoperable")).containsText("Protocol art. 9(a)");
        assertThat(page.locator("#req-inoperable")).containsText("Unverified");
        page.navigate(base + "/standards/compare");
        page.locator("#from").selectOption("mosaic-05-55@1");
        page.locator("#to").selectOption("eu-2015-2403@2018/337");
        page.locator("#type").selectOption("PISTOL");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare")).click();
        assertThat(page.locator("#suffice")).containsText("do not meet");
        assertThat(page.locator("#missing-operations")).containsText("Annex I, Table I, 1.1");
        assertThat(page.locator("#failed")).containsText("Art. 3 and Annex II");
        // the registry's marking rules, read as the pack they are written in
        page.navigate(base + "/standards/pack?id=un-protocol-art-8&version=2001");
        assertThat(page.locator("#req-import-year")).containsText("advisory");
        assertThat(page.locator("#req-manufacture-serial")).containsText("When not met: manufacture marking lacks the serial number");
        Page narrow = newPage(400, 900, "en-US");
        signIn(narrow, "expert");
        narrow.navigate(base + "/standards/assess?id=eu-2015-2403");
        assertThat(narrow.locator("#checklist")).isVisible();
        screenshot(narrow, "standards-04-checklist-400px");
        narrow.close();
    }

    @Test
    void an_expert_pastes_a_pack_with_an_error_sees_its_line_fixes_it_uploads_and_reads_what_changed() {
        String id = JsonApi.unique("br").toLowerCase(java.util.Locale.ROOT);
        String v1 = StandardPackTest.PACK.replace("id: test-pack", "id: " + id).replace("purpose: deactivation", "purpose: marking");
        api("expert").post().uri("/api/v1/standards").contentType(MediaType.APPLICATION_JSON).body(Map.of("text", v1))
                .retrieve().toBodilessEntity();
        String v2 = v1.replace("version: \"1\"", "version: \"2\"").replace("in_force: 2020-01-01", "in_force: 2021-01-01")
                .replace("breech_face_angle >= 45 deg", "breech_face_angle >= 50 deg");
        signIn("expert");
        page.navigate(base + "/standards");
        page.locator("#upload-link").click();
        page.locator("#text").fill(v2.replace("type: boolean}", "type: yesno}"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.locator("#error-summary")).containsText("the pack was not uploaded");
        assertThat(page.locator("#pack-problems tbody tr").first()).containsText("14");
        assertThat(page.locator("#pack-problems")).containsText("facts.feed_ramp_removed.type");
        assertThat(page.locator("#pack-problems")).containsText("unknown fact type 'yesno'");
        assertThat(page.locator("#text")).hasValue(java.util.regex.Pattern.compile("type: yesno"));
        screenshot("standards-05-upload-refused-by-line");

        page.locator("#text").fill(v2);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.locator("#notice")).containsText(id + "@2 was uploaded");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("What changed since version 1")).click();
        assertThat(page.locator("h1")).containsText(id + "@1");
        assertThat(page.locator("#diff-requirements")).containsText("Annex I, 1.7");
        assertThat(page.locator("#diff-requirements")).containsText("breech_face_angle >= 50 deg");
        screenshot("standards-06-diff");
    }

    private void deactivate(Page p) {
        p.getByLabel("Event", new Page.GetByLabelOptions().setExact(true)).selectOption("DEACTIVATION");
        p.locator("#occurredOn").fill("2026-11-20");
        p.locator("#deactivationCertificate").fill("NPH-D-2026-9");
        p.getByLabel("Standard applied").fill("eu-2015-2403@2018/337");
        p.getByLabel("Verifying authority").fill("National Proof House");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event")).click();
    }

    private static void fill(Page p, Map<String, String> facts) {
        facts.forEach((k, v) -> p.locator("#facts-" + k).fill(v));
    }

    private static void choose(Page p, Map<String, String> facts) {
        facts.forEach((k, v) -> p.locator("#facts-" + k).selectOption(v));
    }
}
