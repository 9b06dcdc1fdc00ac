package org.ferret.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.ferret.testsupport.BrowserTest;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Whole journeys of a registrar through the web UI, in Debian's Chromium. */
@FerretIntegrationTest
class RegistrarJourneyBrowserIT extends BrowserTest {




    @Test
    void a_registrar_registers_a_pistol_records_its_theft_and_finds_it_again_by_a_loosely_typed_serial() {
        // a serial of its own, so the journey holds whatever else the database contains
        String digits = String.valueOf(ThreadLocalRandom.current().nextInt(10_000, 100_000));
        String serial = "AB-" + digits;
        String typed = "ab " + digits.substring(0, 3) + " " + digits.substring(3);

        signIn("registrar");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
        screenshot("01-dashboard");

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Register item")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Register an item"))).isVisible();

        page.getByLabel("Kind of item", new Page.GetByLabelOptions().setExact(true)).selectOption("PISTOL");
        page.getByLabel("Manufacturer", new Page.GetByLabelOptions().setExact(true)).fill("Glock");
        page.getByLabel("Model", new Page.GetByLabelOptions().setExact(true)).fill("17 Gen5");
        page.getByLabel("Calibre", new Page.GetByLabelOptions().setExact(true)).fill("9x19mm");
        page.getByLabel("Country of manufacture").fill("AT");
        page.getByLabel("Construction").selectOption("POLYMER");
        // marking 1 is a manufacture marking by default
        page.locator("#markings-0-serialNumber").fill(serial);
        page.locator("#markings-0-manufacturer").fill("GLOCK");
        page.locator("#markings-0-countryOrPlace").fill("AUSTRIA");
        page.locator("#markings-0-location").fill("frame, slide and barrel");
        page.locator("#markings-0-method").selectOption("LASER");
        screenshot("02-register-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register item")).click();

        assertThat(page.locator("#notice")).containsText("Registered the pistol");
        assertThat(page.locator("#item-status")).hasText("in lawful possession");
        assertThat(page.locator("#item-serials")).hasText(serial);
        assertThat(page.locator("#marking-flag")).hasCount(0);

        page.getByLabel("Event", new Page.GetByLabelOptions().setExact(true)).selectOption("THEFT_REPORTED");
        page.locator("#occurredOn").fill("2026-11-14");
        page.locator("#record-event").getByLabel("Place").fill("Tampere");
        page.locator("#record-event").getByLabel("Reference").fill("POL-2026-0415");
        page.locator("#record-event").getByLabel("Note").fill("Taken in a burglary of the owner's home safe");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event")).click();

        assertThat(page.locator("#notice")).containsText("Status now: reported stolen");
        assertThat(page.locator("#item-status")).hasText("reported stolen");
        assertThat(page.locator("#history")).containsText("Reported stolen");
        screenshot("03-item-stolen");

        page.getByLabel("Find by serial number").fill(typed);
        page.getByLabel("Find by serial number").press("Enter");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Serial lookup"))).isVisible();
        var row = page.locator("#results tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(serial));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("reported stolen");
        screenshot("04-serial-lookup");

        row.getByRole(AriaRole.LINK).click();
        assertThat(page.locator("#item-status")).hasText("reported stolen");

        // the lookup page also answers as you type (htmx), without submitting the form
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Serial lookup")).click();
        page.getByLabel("Serial number", new Page.GetByLabelOptions().setExact(true)).pressSequentially(serial.toLowerCase().replace("-", "/"));
        assertThat(page.locator("#results tbody tr")).containsText("reported stolen");
    }

    @Test
    void deactivating_a_rifle_asks_for_every_missing_particular_and_an_assessed_standard() {
        String serial = "SK-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        signIn("registrar");
        page.navigate(base + "/items/new");
        page.getByLabel("Kind of item", new Page.GetByLabelOptions().setExact(true)).selectOption("RIFLE");
        page.getByLabel("Manufacturer", new Page.GetByLabelOptions().setExact(true)).fill("Sako");
        page.locator("#markings-0-serialNumber").fill(serial);
        page.locator("#markings-0-manufacturer").fill("SAKO");
        page.locator("#markings-0-countryOrPlace").fill("Riihimäki, FI");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register item")).click();
        assertThat(page.locator("#item-status")).hasText("in lawful possession");

        page.getByLabel("Event", new Page.GetByLabelOptions().setExact(true)).selectOption("DEACTIVATION");
        page.locator("#occurredOn").fill("2026-11-20");
        page.getByLabel("Standard applied").fill("EU 2018/337");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event")).click();
        assertThat(page.locator("#deactivationCertificate-error")).containsText("must be given");
        // keyboard focus lands on the summary of what to fix, not on the top of the page
        assertThat(page.locator("#record-event #error-summary")).isFocused();
        assertThat(page.locator("#deactivationAuthority-error")).containsText("must be given");
        assertThat(page.getByLabel("Standard applied")).hasValue("EU 2018/337");
        assertThat(page.locator("#item-status")).hasText("in lawful possession");
        screenshot("11-event-errors");

        // only the particulars of the chosen event type are shown, also after the form came back with errors
        assertThat(page.locator("fieldset[data-for-types=DESTRUCTION]")).isHidden();
        page.locator("#deactivationCertificate").fill("DEACT-2026-001");
        page.getByLabel("Verifying authority").fill("National Proof House");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event")).click();
        // with every particular given, the standard applied must name an assessed standard version (issue 15);
        // the successful deactivation is StandardsBrowserIT's journey
        assertThat(page.locator("#deactivationStandard-error")).containsText("name a deactivation standard version Ferret holds");
        assertThat(page.locator("#item-status")).hasText("in lawful possession");
    }

    @Test
    void the_register_form_names_every_field_that_is_wrong_and_keeps_what_was_typed() {
        signIn("registrar");
        page.navigate(base + "/items/new");
        page.getByLabel("Country of manufacture").fill("XX");
        page.getByLabel("Year of manufacture").fill("nineteen");
        page.locator("#markings-0-serialNumber").fill("S".repeat(41));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register item")).click();

        assertThat(page.locator("#error-summary")).containsText("problems");
        assertThat(page.locator("#kind-error")).containsText("choose one");
        assertThat(page.locator("#countryOfManufacture-error")).containsText("'XX' is not an ISO 3166-1 alpha-2 country code");
        assertThat(page.locator("#yearOfManufacture-error")).containsText("not a whole number");
        assertThat(page.locator("#markings-0-serialNumber-error")).containsText("at most 40");
        assertThat(page.getByLabel("Country of manufacture")).hasValue("XX");
        assertThat(page.getByLabel("Country of manufacture")).hasAttribute("aria-invalid", "true");
        screenshot("05-register-errors");
    }

    @Test
    void an_unmarked_3d_printed_frame_waits_on_the_marking_required_work_list_until_the_authority_marks_it() {
        signIn("registrar");
        page.navigate(base + "/items/new");
        page.getByLabel("Kind of item", new Page.GetByLabelOptions().setExact(true)).selectOption("FRAME");
        page.getByLabel("Construction").selectOption("ADDITIVELY_MANUFACTURED");
        page.getByLabel("Model", new Page.GetByLabelOptions().setExact(true)).fill("FGC-9 lower (printed)");
        page.getByLabel("First event in its history").selectOption("SEIZURE");
        page.getByLabel("On (date)").fill(java.time.LocalDate.now().toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register item")).click();

        assertThat(page.locator("#marking-flag")).isVisible();
        assertThat(page.locator("#main")).containsText("item carries no marking");
        String itemUrl = page.url();

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Marking required")).click();
        assertThat(page.locator("#work-list")).containsText("FGC-9 lower (printed)");
        screenshot("06-marking-required");

        page.navigate(itemUrl);
        String serial = "FI-POL-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        page.locator("#marking-kind").selectOption("AUTHORITY_APPLIED");
        page.locator("#marking-serialNumber").fill(serial);
        page.locator("#marking-countryOrPlace").fill("FI");
        page.locator("#marking-method").selectOption("ENGRAVED");
        page.locator("#markedOn").fill(java.time.LocalDate.now().toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add marking")).click();

        assertThat(page.locator("#notice")).containsText("no longer needs marking");
        assertThat(page.locator("#marking-flag")).hasCount(0);
        page.navigate(base + "/items/marking-required");
        assertThat(page.locator("#main")).not().containsText("FGC-9 lower (printed)");
    }

    @Test
    void a_registrar_registers_a_dealer_and_transfers_a_rifle_to_them_by_licence_number() {
        String licence = "FI-DL-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        signIn("registrar");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Holders")).click();
        page.getByLabel("Person or organisation").selectOption("ORGANISATION");
        page.getByLabel("Capacity").selectOption("DEALER");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Erä ja Ase Oy (demo)");
        page.locator("#licenceNumber").fill(licence);
        page.getByLabel("Country", new Page.GetByLabelOptions().setExact(true)).fill("fi");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register holder")).click();
        assertThat(page.locator("#notice")).containsText("Holder registered");

        page.navigate(base + "/items/new");
        page.getByLabel("Kind of item", new Page.GetByLabelOptions().setExact(true)).selectOption("RIFLE");
        page.locator("#markings-0-serialNumber").fill("TR-" + licence);
        page.locator("#markings-0-manufacturer").fill("Tikka");
        page.locator("#markings-0-countryOrPlace").fill("FI");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register item")).click();

        page.getByLabel("Event", new Page.GetByLabelOptions().setExact(true)).selectOption("TRANSFER_OF_POSSESSION");
        page.locator("#occurredOn").fill("2026-11-02");
        page.getByLabel("New holder").fill("NO-SUCH-LICENCE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event")).click();
        assertThat(page.locator("#holder-error")).containsText("no holder has the licence number");

        // typed as a clerk might: lower case, a space for the hyphen (compared as serials are)
        page.getByLabel("New holder").fill(licence.toLowerCase().replace("fi-dl-", "fi dl "));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event")).click();
        assertThat(page.locator("#history")).containsText("Possession transferred");
        page.locator("#history").getByText("To holder").getByRole(AriaRole.LINK).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Erä ja Ase Oy (demo)"))).isVisible();
        assertThat(page.locator("main")).containsText("written to the audit log");
    }

    @Test
    void a_registrar_corrects_the_date_of_a_theft_report_and_the_item_stays_reported_stolen_since_that_date() {
        String serial = "CT-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        signIn("registrar");
        page.navigate(base + "/items/new");
        page.getByLabel("Kind of item", new Page.GetByLabelOptions().setExact(true)).selectOption("PISTOL");
        page.locator("#markings-0-serialNumber").fill(serial);
        page.locator("#markings-0-manufacturer").fill("Glock");
        page.locator("#markings-0-countryOrPlace").fill("AT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register item")).click();
        assertThat(page.locator("#item-status")).hasText("in lawful possession");

        // the date is not pre-filled: the registrar gives the day it happened
        assertThat(page.locator("#occurredOn")).hasValue("");
        page.getByLabel("Event", new Page.GetByLabelOptions().setExact(true)).selectOption("THEFT_REPORTED");
        page.locator("#occurredOn").fill("2026-12-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event")).click();
        assertThat(page.locator("#item-status")).hasText("reported stolen");

        // reporting it again with the right date is refused in words, pointing to a correction
        page.getByLabel("Event", new Page.GetByLabelOptions().setExact(true)).selectOption("THEFT_REPORTED");
        page.locator("#occurredOn").fill("2026-11-28");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event")).click();
        assertThat(page.locator("#record-event #error-summary")).containsText(
                "A theft cannot be reported on Nov 28, 2026: the item is already reported stolen since Dec 1, 2026; "
                        + "correct that report instead.");

        page.getByLabel("Event", new Page.GetByLabelOptions().setExact(true)).selectOption("CORRECTION");
        page.locator("#occurredOn").fill("2026-12-02");
        page.locator("#corrects").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.locator("#correction").selectOption("AMEND");
        page.locator("#amendOccurredOn").fill("2026-11-28");
        page.getByLabel("Reason for the correction").fill("the owner gave the wrong day");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event")).click();

        assertThat(page.locator("#item-status")).hasText("reported stolen");
        assertThat(page.locator("main")).containsText("status since Nov 28, 2026");
        // the original stays, shown as corrected; the correction says what it changed
        assertThat(page.locator("#event-1")).containsText("amended by correction #2");
        assertThat(page.locator("#event-2")).containsText("Right date Nov 28, 2026");
        screenshot("12-corrected-theft-date");
    }
}
