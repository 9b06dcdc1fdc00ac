package org.ferret.intelligence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.parcels.internal.S10;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.SignedInClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The analytics' "why parcels were held, against what they contained", on a fixture counted by hand: at a site with no
 * capacity (nothing is held by score or at random) three parcels are put in the queue by hand (a firearm found, nothing
 * found, one not inspected yet) and two declare HS chapter 93 goods without a licence, which the mandatory rule holds
 * (an essential component found in one, ammunition in the other). Its own context, so no other test's parcels count.
 */
@FerretIntegrationTest
@TestPropertySource(properties = {"ferret.parcels.sites.HEL=0", "ferret.parcels.sites.TKU=0"})
class HeldReasonsAnalyticsIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SeizureAnalytics analytics;

    private static int serial = (int) (System.nanoTime() % 40_000_000);

    UUID send(Map<String, Object> parcel) {
        SeizuresApi postal = new SeizuresApi(port, "postal");
        postal.ok(postal.post("/api/v1/parcels/declarations", Map.of("items", List.of(parcel))), 200);
        return jdbc.sql("select id from parcel_declaration where item_id = ?").param(parcel.get("itemId")).query(UUID.class).single();
    }

    boolean held(UUID declaration) {
        return jdbc.sql("select in_queue from parcel_decision where declaration_id = ?").param(declaration).query(Boolean.class).single();
    }

    void byHand(UUID declaration) {
        new SeizuresApi(port, "customs").client.post().uri("/api/v1/parcels/queue/" + declaration + "/add")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(Map.of("reason", "tip-off")).retrieve().toBodilessEntity();
    }

    void found(UUID declaration, Map<String, Object> outcome) {
        SeizuresApi inspector = new SeizuresApi(port, "inspector");
        inspector.ok(inspector.post("/api/v1/parcels/declarations/" + declaration + "/outcome", outcome), 201);
    }

    static Map<String, Object> chapter93(String itemId) {
        Map<String, Object> p = ParcelSeizureIT.parcel(itemId);
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) p.get("contents")).get(0);
        line.put("description", "metal part for model kit");
        line.put("hsCode", "930599");
        return p;
    }

    @Test
    void held_reasons_against_findings_match_the_fixture() {
        UUID firearm = send(ParcelSeizureIT.parcel(S10.of("CR", serial++, "US")));
        UUID nothing = send(ParcelSeizureIT.parcel(S10.of("CR", serial++, "US")));
        UUID waiting = send(ParcelSeizureIT.parcel(S10.of("CR", serial++, "US")));
        for (UUID d : List.of(firearm, nothing, waiting)) {
            assertThat(held(d)).as("no capacity: car parts are not held on arrival").isFalse();
            byHand(d);
        }
        found(firearm, Map.of("kind", "FIREARM", "itemKind", "PISTOL"));
        found(nothing, Map.of("kind", "NOTHING_FOUND"));
        UUID slide = send(chapter93(S10.of("CR", serial++, "US")));
        UUID rounds = send(chapter93(S10.of("CR", serial++, "US")));
        assertThat(held(slide)).as("HS 93 without a licence is held by the mandatory rule").isTrue();
        assertThat(held(rounds)).isTrue();
        found(slide, Map.of("kind", "ESSENTIAL_COMPONENT", "itemKind", "SLIDE"));
        found(rounds, Map.of("kind", "AMMUNITION"));

        Map<List<String>, Long> flows = new HashMap<>();
        analytics.heldAgainstFound(SeizureFilter.none()).forEach(f -> flows.put(List.of(f.source(), f.target()), f.value()));
        assertThat(flows).containsEntry(List.of("held by hand", "Firearm"), 1L)
                .containsEntry(List.of("held by hand", "Nothing found"), 1L)
                .containsEntry(List.of("held by hand", "Not inspected yet"), 1L)
                .containsEntry(List.of("rule hs93-without-licence (mandatory)", "Essential component"), 1L)
                .containsEntry(List.of("rule hs93-without-licence (mandatory)", "Ammunition"), 1L);
        // any other rule the two HS 93 parcels hit counts them too, and nothing else was held
        assertThat(flows.keySet()).allSatisfy(k -> assertThat(k.get(0)).matches("held by hand|rule .*"));
        assertThat(flows.entrySet()).filteredOn(e -> e.getKey().get(0).startsWith("rule ")).allSatisfy(e -> {
            assertThat(e.getKey().get(1)).isIn("Essential component", "Ammunition");
            assertThat(e.getValue()).isEqualTo(1L);
        });

        String page = SignedInClient.signIn(port, "intel").page("/seizures/analytics");
        assertThat(page).contains("Why parcels were held, against what they contained").contains("data-sankey-from=\"held-table\"")
                .contains("rule hs93-without-licence (mandatory)").contains("Not inspected yet");
    }
}
