package org.ferret.intelligence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.parcels.internal.S10;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A parcels outcome of a firearm becomes a seizure through the published event, once (issue 14). */
@FerretIntegrationTest
class ParcelSeizureIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Seizures seizures;

    private static int serial = (int) (System.nanoTime() % 40_000_000);

    static synchronized String newItemId() {
        return S10.of("CS", serial++, "US");
    }

    static Map<String, Object> parcel(String itemId) {
        Map<String, Object> m = new HashMap<>();
        m.put("itemId", itemId);
        m.put("site", "HEL");
        m.put("direction", "INBOUND");
        m.put("mailClass", "PARCEL");
        m.put("postingOffice", "New York NY 10001");
        m.put("postedOn", java.time.LocalDate.now().minusDays(3).toString());
        m.put("origin", "US");
        m.put("destination", "FI");
        m.put("sender", new HashMap<>(Map.of("name", "Shop Inc", "address", "1 Main St, New York", "postcode", "10001", "country", "US")));
        m.put("addressee", new HashMap<>(Map.of("name", "Matti Meikäläinen", "address", "Mannerheimintie 1, Helsinki",
                "postcode", "00100", "country", "FI", "type", "RESIDENCE")));
        m.put("category", "SALE_OF_GOODS");
        m.put("contents", new ArrayList<>(List.of(new HashMap<>(Map.of("description", "car parts", "quantity", 1,
                "netWeightKg", 1.4, "value", 30, "currency", "USD", "hsCode", "870899", "originCountry", "US")))));
        m.put("grossWeightKg", 1.5);
        m.put("totalValue", 30);
        m.put("currency", "USD");
        return m;
    }

    /** Sends a parcel, puts it in the queue by hand if released, records a firearm outcome; the declaration's id. */
    UUID firearmFound(String itemId) {
        return firearmFound(port, jdbc, itemId);
    }

    static UUID firearmFound(int port, JdbcClient jdbc, String itemId) {
        SeizuresApi postal = new SeizuresApi(port, "postal");
        SeizuresApi analyst = new SeizuresApi(port, "customs");
        SeizuresApi inspector = new SeizuresApi(port, "inspector");
        postal.ok(postal.post("/api/v1/parcels/declarations", Map.of("items", List.of(parcel(itemId)))), 200);
        UUID id = jdbc.sql("select id from parcel_declaration where item_id = ?").param(itemId).query(UUID.class).single();
        boolean held = jdbc.sql("select in_queue from parcel_decision where declaration_id = ?").param(id).query(Boolean.class).single();
        if (!held) {
            analyst.client.post().uri("/api/v1/parcels/queue/" + id + "/add").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(Map.of("reason", "tip-off")).retrieve().toBodilessEntity();
        }
        inspector.ok(inspector.post("/api/v1/parcels/declarations/" + id + "/outcome", Map.of("kind", "FIREARM",
                "itemKind", "PISTOL", "construction", "ADDITIVELY_MANUFACTURED", "marked", false)), 201);
        return id;
    }

    UUID awaitSeizureOf(UUID declaration) throws InterruptedException {
        return awaitSeizureOf(jdbc, declaration);
    }

    static UUID awaitSeizureOf(JdbcClient jdbc, UUID declaration) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Optional<UUID> s = jdbc.sql("select id from intel_seizure where parcel_declaration = ?").param(declaration)
                    .query(UUID.class).optional();
            if (s.isPresent()) return s.get();
            Thread.sleep(100);
        }
        throw new AssertionError("no seizure was recorded for parcel declaration " + declaration);
    }

    @Test
    void a_firearm_found_in_a_parcel_becomes_a_postal_seizure_on_the_declared_route_with_the_registered_item() throws Exception {
        UUID declaration = firearmFound(newItemId());
        Seizure s = seizures.get(awaitSeizureOf(declaration));

        assertThat(s.source()).isEqualTo(SeizureSource.PARCEL);
        assertThat(s.conveyance()).isEqualTo(Conveyance.POSTAL);
        assertThat(s.origin()).isEqualTo("US");
        assertThat(s.destination()).isEqualTo("FI");
        assertThat(s.country()).isEqualTo("FI");
        assertThat(s.items()).hasSize(1);
        Seizure.Item item = s.items().get(0);
        UUID registered = jdbc.sql("select registry_item from parcel_outcome where declaration_id = ?").param(declaration).query(UUID.class).single();
        assertThat(item.registryItem()).isEqualTo(registered);
        assertThat(item.type()).isEqualTo(SeizedItemType.FIREARM);
        assertThat(item.itemKind()).isEqualTo(org.ferret.registry.ItemKind.PISTOL);
        assertThat(item.construction()).isEqualTo(org.ferret.registry.Construction.ADDITIVELY_MANUFACTURED);
        assertThat(item.marked()).isFalse();
    }

    @Test
    void the_same_outcome_delivered_again_records_no_second_seizure() throws Exception {
        UUID declaration = firearmFound(newItemId());
        UUID first = awaitSeizureOf(declaration);

        Seizure again = seizures.recordFromParcel(declaration, new NewSeizure("parcel:" + declaration, SeizureKind.SEIZED,
                java.time.LocalDate.now(), org.ferret.registry.CountryCode.of("FI"), null, null, null, "Customs",
                LegalJustification.ILLICIT_TRAFFICKING, CriminalContext.NONE_KNOWN, Conveyance.POSTAL, Concealment.NOT_KNOWN,
                null, List.of(), null, null, List.of(new NewSeizure.Item(SeizedItemType.AMMUNITION, null, null, null, null,
                        null, new org.ferret.registry.Calibre("9x19mm"), null, null, null, null, 1)), List.of()));
        assertThat(again.id()).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from intel_seizure where parcel_declaration = ?").param(declaration)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
