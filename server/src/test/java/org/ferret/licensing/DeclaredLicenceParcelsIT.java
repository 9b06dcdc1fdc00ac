package org.ferret.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.licensing.LicensingApi.answer;
import static org.ferret.licensing.LicensingApi.application;
import static org.ferret.licensing.LicensingApi.licence;
import static org.ferret.licensing.LicensingApi.unique;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Parcels and licensing (issue 13): a declaration naming an export licence in CN23 box 12 is checked against it, and
 * the check is part of the decision and its reasons; a failed check holds the item.
 */
@FerretIntegrationTest
class DeclaredLicenceParcelsIT {

    @LocalServerPort
    int port;
    LicensingApi officer;
    LicensingApi postal;
    String number;
    String id;

    static int serial = (int) (System.nanoTime() % 40_000_000) + 5_000_000;

    @BeforeEach
    void anIssuedLicenceForTenRoundsLotsToGermany() {
        officer = new LicensingApi(port, "licensing");
        postal = new LicensingApi(port, "postal");
        LicensingApi registrar = new LicensingApi(port, "registrar");
        String dealer = LicensingApi.dealer(registrar);
        Map<String, Object> applied = officer.ok(officer.post("/api/v1/licences", application(dealer, "DE", List.of(),
                List.of(Map.of("description", "9x19mm cartridges, lot " + unique("L"), "quantity", 10)))), 201);
        id = (String) licence(applied).get("id");
        number = (String) licence(applied).get("number");
        officer.ok(officer.post("/api/v1/licences/" + id + "/answers",
                answer("IMPORT_AUTHORISATION", "DE", LocalDate.now().plusYears(1))), 201);
        officer.ok(officer.post("/api/v1/licences/" + id + "/issue", null), 200);
    }

    static synchronized String itemId() {
        return org.ferret.parcels.internal.S10.of("CP", serial++, "FI");
    }

    /** An outbound parcel from Finland to {@code destination} declaring {@code quantity} of HS {@code hs}. */
    static Map<String, Object> parcel(String destination, String hs, int quantity, String licence) {
        Map<String, Object> m = new HashMap<>();
        m.put("itemId", itemId());
        m.put("site", "HEL");
        m.put("direction", "OUTBOUND");
        m.put("mailClass", "PARCEL");
        m.put("postingOffice", "Helsinki 00100");
        m.put("postedOn", LocalDate.now().toString());
        m.put("origin", "FI");
        m.put("destination", destination);
        m.put("sender", new HashMap<>(Map.of("name", "Export Arms Oy", "address", "Teollisuuskatu 1, Helsinki",
                "postcode", "00510", "country", "FI")));
        m.put("addressee", new HashMap<>(Map.of("name", "Sportschützen Verein", "address", "Hauptstraße 1, Berlin",
                "postcode", "10115", "country", destination, "type", "BUSINESS")));
        m.put("category", "SALE_OF_GOODS");
        m.put("contents", new ArrayList<>(List.of(new HashMap<>(Map.of("description", "cartridges", "quantity", quantity,
                "netWeightKg", 1.0, "value", 50, "currency", "EUR", "hsCode", hs, "originCountry", "FI")))));
        m.put("grossWeightKg", 1.2);
        m.put("totalValue", 50);
        m.put("currency", "EUR");
        if (licence != null) {
            m.put("licenceNumber", licence);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> decide(Map<String, Object> parcel) {
        Map<String, Object> body = postal.ok(postal.post("/api/v1/parcels/declarations",
                Map.of("items", List.of(parcel))), 200);
        Map<String, Object> a = ((List<Map<String, Object>>) body.get("items")).getFirst();
        assertThat(a.get("status")).as("%s", a).isEqualTo("ACCEPTED");
        return a;
    }

    @Test
    void a_parcel_within_a_valid_licence_has_the_passed_check_among_its_reasons_and_no_licence_hold() {
        Map<String, Object> a = decide(parcel("DE", "930630", 4, number));
        assertThat((String) a.get("reasons")).contains("Declared licence (Protocol art. 10)")
                .contains("licence " + number + " is valid with 10 left");
        assertThat(String.valueOf(a.get("rulesHit"))).doesNotContain("declared-licence-not-valid")
                .doesNotContain("hs93-without-licence");
    }

    @Test
    void a_parcel_declaring_more_than_is_left_on_the_licence_is_held_naming_what_is_left() {
        Map<String, Object> a = decide(parcel("DE", "930630", 11, number));
        assertThat(a.get("decision")).isEqualTo("HOLD");
        assertThat(a.get("pickedBy")).isEqualTo("RULE");
        assertThat(String.valueOf(a.get("rulesHit"))).contains("declared-licence-not-valid");
        assertThat((String) a.get("reasons")).contains("has 10 left, fewer than the 11 declared");
    }

    @Test
    void a_parcel_to_another_country_than_the_licence_covers_is_held() {
        Map<String, Object> a = decide(parcel("FR", "930630", 1, number));
        assertThat(a.get("decision")).isEqualTo("HOLD");
        assertThat((String) a.get("reasons")).contains("covers exports to DE, not FR");
    }

    @Test
    void a_parcel_naming_an_unknown_licence_is_held() {
        Map<String, Object> a = decide(parcel("DE", "930630", 1, "EXP-FI-2026-NOSUCH"));
        assertThat(a.get("decision")).isEqualTo("HOLD");
        assertThat((String) a.get("reasons")).contains("no export licence EXP-FI-2026-NOSUCH is recorded");
    }

    @Test
    void a_parcel_naming_an_arms_licence_for_goods_outside_chapter_93_is_held_as_not_covered() {
        Map<String, Object> a = decide(parcel("DE", "610910", 1, number));
        assertThat(a.get("decision")).isEqualTo("HOLD");
        assertThat((String) a.get("reasons")).contains("covers HS chapter 93");
    }

    @Test
    void a_firearm_chapter_parcel_with_no_licence_is_held() {
        Map<String, Object> a = decide(parcel("DE", "930200", 1, null));
        assertThat(a.get("decision")).isEqualTo("HOLD");
        assertThat(String.valueOf(a.get("rulesHit"))).contains("hs93-without-licence");
    }

    @Test
    void a_suspended_licence_holds_the_parcel() {
        officer.ok(officer.post("/api/v1/licences/" + id + "/suspend", Map.of("reason", "end user under review")), 200);
        Map<String, Object> a = decide(parcel("DE", "930630", 1, number));
        assertThat(a.get("decision")).isEqualTo("HOLD");
        assertThat((String) a.get("reasons")).contains("licence " + number + " is suspended");
    }
}
