package org.ferret.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.registry.RegistryApi.event;
import static org.ferret.registry.RegistryApi.pistol;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Corrections amend or withdraw the event they name; the history stays append-only (issue 10). */
@FerretIntegrationTest
class CorrectionsIT {

    @LocalServerPort
    int port;
    RegistryApi api;

    @BeforeEach
    void setUp() {
        api = RegistryApi.registrar(port);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> history(Map<String, Object> item) {
        return (List<Map<String, Object>>) item.get("history");
    }

    @Test
    void correcting_the_date_of_a_theft_report_keeps_the_item_reported_stolen_since_the_corrected_date() {
        Map<String, Object> item = api.register(pistol(unique("CD")));
        String uri = "/api/v1/items/" + item.get("id") + "/events";
        var stolen = api.post(uri, event("THEFT_REPORTED", "2026-12-02"));
        Object theftId = history(stolen.getBody()).getFirst().get("id");

        var corrected = api.post(uri, event("CORRECTION", "2026-12-02", "corrects", theftId,
                "reason", "the owner reported the wrong day", "amend", Map.of("occurredOn", "2026-11-28")));

        assertThat(corrected.getStatusCode().value()).as("%s", corrected.getBody()).isEqualTo(201);
        assertThat(corrected.getBody().get("status")).isEqualTo("REPORTED_STOLEN");
        assertThat(corrected.getBody().get("statusSince")).isEqualTo("2026-11-28");
        // append-only: the original stays as recorded, the correction refers to it and says what changed
        List<Map<String, Object>> h = history(corrected.getBody());
        assertThat(h).hasSize(2);
        assertThat(h).filteredOn(e -> e.get("id").equals(theftId)).singleElement().satisfies(e -> {
            assertThat(e.get("occurredOn")).isEqualTo("2026-12-02");
            assertThat(e.get("correctedLater")).isEqualTo(true);
        });
        assertThat(h).filteredOn(e -> "CORRECTION".equals(e.get("type"))).singleElement().satisfies(e -> {
            assertThat(e.get("corrects")).isEqualTo(theftId);
            assertThat(e.get("correction")).isEqualTo("AMEND");
            assertThat(e.get("amend").toString()).contains("2026-11-28");
        });
    }

    @Test
    void a_correction_without_amendments_withdraws_the_event() {
        Map<String, Object> item = api.register(pistol(unique("CW")));
        String uri = "/api/v1/items/" + item.get("id") + "/events";
        var stolen = api.post(uri, event("THEFT_REPORTED", "2026-11-02"));
        Object theftId = history(stolen.getBody()).getFirst().get("id");

        var withdrawn = api.post(uri, event("CORRECTION", "2026-11-03", "corrects", theftId,
                "reason", "recorded on the wrong item"));

        assertThat(withdrawn.getBody().get("status")).isEqualTo("IN_LAWFUL_POSSESSION");
        assertThat(history(withdrawn.getBody())).filteredOn(e -> "CORRECTION".equals(e.get("type")))
                .singleElement().satisfies(e -> assertThat(e.get("correction")).isEqualTo("WITHDRAW"));
    }

    @Test
    void the_status_follows_the_history_in_occurrence_order_once_a_date_is_amended() {
        Map<String, Object> item = api.register(pistol(unique("CO")));
        String uri = "/api/v1/items/" + item.get("id") + "/events";
        var exported = api.post(uri, event("EXPORT", "2026-10-01", "country", "SE"));
        Object exportId = history(exported.getBody()).getFirst().get("id");
        var imported = api.post(uri, event("IMPORT", "2026-10-10", "country", "SE"));
        assertThat(imported.getBody().get("status")).isEqualTo("IN_LAWFUL_POSSESSION");

        // the export really left on 20 Oct, after the import: the item is abroad now
        var amended = api.post(uri, event("CORRECTION", "2026-11-01", "corrects", exportId,
                "reason", "the export was booked on the day the licence was issued", "amend",
                Map.of("occurredOn", "2026-10-20")));

        assertThat(amended.getStatusCode().value()).as("%s", amended.getBody()).isEqualTo(201);
        assertThat(amended.getBody().get("status")).isEqualTo("EXPORTED");
        assertThat(amended.getBody().get("statusSince")).isEqualTo("2026-10-20");
    }

    @Test
    void an_amendment_that_would_make_the_history_illegal_is_refused_in_words() {
        Map<String, Object> item = api.register(pistol(unique("CI")));
        String uri = "/api/v1/items/" + item.get("id") + "/events";
        api.post(uri, event("THEFT_REPORTED", "2026-10-01"));
        var recovered = api.post(uri, event("RECOVERY", "2026-10-20"));
        Object recoveryId = history(recovered.getBody()).getLast().get("id");

        var refused = api.post(uri, event("CORRECTION", "2026-11-01", "corrects", recoveryId,
                "reason", "typo", "amend", Map.of("occurredOn", "2026-09-01")));

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("detail").toString()).doesNotContain("RECOVERY").doesNotContain("_")
                .contains("Sep 1, 2026");
    }

    @Test
    void an_export_country_can_be_amended() {
        Map<String, Object> item = api.register(pistol(unique("CC")));
        String uri = "/api/v1/items/" + item.get("id") + "/events";
        var exported = api.post(uri, event("EXPORT", "2026-10-01", "country", "SE"));
        Object exportId = history(exported.getBody()).getFirst().get("id");

        var amended = api.post(uri, event("CORRECTION", "2026-10-02", "corrects", exportId,
                "reason", "exported to Norway, not Sweden", "amend", Map.of("country", "NO")));

        assertThat(amended.getStatusCode().value()).as("%s", amended.getBody()).isEqualTo(201);
        assertThat(amended.getBody().get("status")).isEqualTo("EXPORTED");
        assertThat(history(amended.getBody())).filteredOn(e -> "CORRECTION".equals(e.get("type")))
                .singleElement().satisfies(e -> assertThat(e.get("amend").toString()).contains("NO"));
    }

    @Test
    void a_theft_reported_twice_is_refused_in_words_naming_the_earlier_report() {
        Map<String, Object> item = api.register(pistol(unique("CT")));
        String uri = "/api/v1/items/" + item.get("id") + "/events";
        api.post(uri, event("THEFT_REPORTED", "2026-11-20"));

        var again = api.post(uri, event("THEFT_REPORTED", "2026-11-28"));

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("detail").toString())
                .isEqualTo("A theft cannot be reported on Nov 28, 2026: the item is already reported stolen since "
                        + "Nov 20, 2026; correct that report instead.");
    }

    @Test
    void the_history_is_listed_in_the_order_the_events_occurred() {
        Map<String, Object> item = api.register(pistol(unique("CH")));
        String uri = "/api/v1/items/" + item.get("id") + "/events";
        api.post(uri, event("LOSS_REPORTED", "2026-10-10"));
        var late = api.post(uri, event("TRANSFER_OF_POSSESSION", "2026-01-10", "holderId", holder()));
        // a transfer after a loss report is refused; one recorded late but dated earlier fits in history order
        assertThat(late.getStatusCode().value()).as("%s", late.getBody()).isEqualTo(201);
        assertThat(history(late.getBody())).extracting(e -> e.get("type"))
                .containsExactly("TRANSFER_OF_POSSESSION", "LOSS_REPORTED");
        assertThat(late.getBody().get("status")).isEqualTo("REPORTED_LOST");
    }

    @Test
    void the_item_page_names_an_amended_holder_by_name_or_in_words_never_by_id() {
        Map<String, Object> item = api.register(pistol(unique("CA")));
        String uri = "/api/v1/items/" + item.get("id") + "/events";
        var transfer = api.post(uri, event("TRANSFER_OF_POSSESSION", "2026-01-10", "holderId", holder()));
        Object transferId = history(transfer.getBody()).getFirst().get("id");
        String rightName = "Owner " + unique("RIGHT");
        Object right = api.post("/api/v1/holders", Map.of("type", "PERSON", "role", "OWNER", "name", rightName,
                "licenceNumber", unique("FI-L"), "country", "FI")).getBody().get("id");
        var amended = api.post(uri, event("CORRECTION", "2026-01-11", "corrects", transferId,
                "reason", "transferred to the other licence holder", "amend", Map.of("holderId", right)));
        assertThat(amended.getStatusCode().value()).as("%s", amended.getBody()).isEqualTo(201);

        String page = "/items/" + item.get("id");
        String asRegistrar = org.ferret.testsupport.SignedInClient.signIn(port, "registrar").page(page);
        assertThat(asRegistrar).contains("holder " + rightName);
        String asReadOnly = org.ferret.testsupport.SignedInClient.signIn(port, "readonly").page(page);
        assertThat(asReadOnly).contains("holder a registered holder (not shown to your role)").doesNotContain(rightName);
        // what people read (links may carry the id; the text never does)
        String idPrefix = right.toString().substring(0, 8);
        assertThat(asRegistrar.replaceAll("<[^>]*>", " ")).doesNotContain(idPrefix);
        assertThat(asReadOnly.replaceAll("<[^>]*>", " ")).doesNotContain(idPrefix);
    }

    @Test
    void events_and_amended_dates_after_tomorrow_are_refused_on_the_registry_clock() {
        Map<String, Object> item = api.register(pistol(unique("CF")));
        String uri = "/api/v1/items/" + item.get("id") + "/events";
        var future = api.post(uri, event("SEIZURE", "2099-01-01"));
        assertThat(future.getStatusCode().value()).isEqualTo(400);
        assertThat(future.getBody().get("errors").toString()).contains("occurredOn");

        var seized = api.post(uri, event("SEIZURE", "2026-01-01"));
        Object seizureId = history(seized.getBody()).getFirst().get("id");
        var amended = api.post(uri, event("CORRECTION", "2026-01-02", "corrects", seizureId, "reason", "typo",
                "amend", Map.of("occurredOn", "2099-01-01")));
        assertThat(amended.getStatusCode().value()).isEqualTo(400);
        assertThat(amended.getBody().get("errors").toString()).contains("amend.occurredOn");
    }

    Object holder() {
        return api.post("/api/v1/holders", Map.of("type", "PERSON", "role", "OWNER", "name", "Owner " + unique("H"),
                "licenceNumber", unique("FI-L"), "country", "FI")).getBody().get("id");
    }
}
