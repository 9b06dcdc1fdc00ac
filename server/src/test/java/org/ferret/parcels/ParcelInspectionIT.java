package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.line;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Detector verdicts, the queue, manual changes and outcomes over real HTTP, down to the registry item. */
@FerretIntegrationTest
class ParcelInspectionIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ParcelsApi postal, analyst, inspector;

    @BeforeEach
    void setUp() {
        postal = new ParcelsApi(port, "postal");
        analyst = new ParcelsApi(port, "customs");
        inspector = new ParcelsApi(port, "inspector");
    }

    private UUID declaration(String itemId) {
        return jdbc.sql("select id from parcel_declaration where item_id = ? order by version desc limit 1").param(itemId).query(UUID.class).single();
    }

    private String send(Map<String, Object> item) {
        var a = answers(postal.submit(List.of(item))).get(0);
        assertThat(a.get("status")).as(String.valueOf(a)).isEqualTo("ACCEPTED");
        return (String) a.get("decision");
    }

    /** An item the analyst puts in the queue by hand if the selection released it. */
    private UUID queued(Map<String, Object> item) {
        String decision = send(item);
        UUID id = declaration((String) item.get("itemId"));
        if (decision.equals("RELEASE")) {
            assertThat(analyst.post("/api/v1/parcels/queue/" + id + "/add", Map.of("reason", "tip-off from the post office"))
                    .getStatusCode().value()).isEqualTo(204);
        }
        return id;
    }

    @Test
    void a_high_confidence_firearm_detection_holds_a_released_item() {
        String itemId = newItemId();
        Map<String, Object> i = item(itemId);
        String first = send(i);
        var res = postal.post("/api/v1/parcels/" + itemId + "/detections",
                Map.of("class", "FIREARM", "confidence", 0.97, "imageRef", "xray://HEL/2026/12/02/0001.png", "box", "10,20,200,120"));
        assertThat(res.getStatusCode().value()).as(String.valueOf(res.getBody())).isEqualTo(201);
        Map<String, Object> d = jdbc.sql("select decision, picked_by, in_queue from parcel_decision where declaration_id = ?")
                .param(declaration(itemId)).query().singleRow();
        assertThat(d.get("decision")).isEqualTo("HOLD");
        assertThat(d.get("in_queue")).isEqualTo(true);
        if (first.equals("RELEASE")) {
            assertThat(d.get("picked_by")).isEqualTo("DETECTION");
        }
        var queue = analyst.client.get().uri("/api/v1/parcels/queue?site=HEL").retrieve().body(List.class);
        assertThat(String.valueOf(queue)).contains(itemId).contains("xray://HEL/2026/12/02/0001.png");
    }

    @Test
    void a_low_confidence_or_none_verdict_does_not_hold_and_bad_verdicts_are_refused() {
        String itemId = newItemId();
        Map<String, Object> i = item(itemId);
        line(i, 0).put("description", "books");
        send(i);
        assertThat(postal.post("/api/v1/parcels/" + itemId + "/detections",
                Map.of("class", "NONE", "confidence", 0.99, "imageRef", "xray://1")).getStatusCode().value()).isEqualTo(201);
        var bad = postal.post("/api/v1/parcels/" + itemId + "/detections", Map.of("class", "BAZOOKA", "confidence", 1.5, "imageRef", ""));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(bad.getBody().get("errors"))).contains("class").contains("confidence").contains("imageRef");
        var unknown = postal.post("/api/v1/parcels/" + newItemId() + "/detections", Map.of("class", "FIREARM", "confidence", 0.99, "imageRef", "x"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void an_unmarked_3d_printed_slide_is_registered_seized_and_marking_required_with_how_it_was_picked() {
        Map<String, Object> i = item(newItemId());
        line(i, 0).put("description", "plastic toy parts");
        UUID id = queued(i);
        var res = inspector.post("/api/v1/parcels/declarations/" + id + "/outcome", Map.of("kind", "ESSENTIAL_COMPONENT",
                "itemKind", "SLIDE", "construction", "ADDITIVELY_MANUFACTURED", "marked", false, "notes", "printed slide in a toy box"));
        assertThat(res.getStatusCode().value()).as(String.valueOf(res.getBody())).isEqualTo(201);
        assertThat(res.getBody()).containsEntry("markingRequired", true);
        String registryItem = (String) res.getBody().get("registryItem");
        var item = new ParcelsApi(port, "registrar").get("/api/v1/items/" + registryItem).getBody();
        assertThat(item).containsEntry("kind", "SLIDE").containsEntry("status", "SEIZED").containsEntry("markingRequired", true);
        assertThat(String.valueOf(item)).contains("ADDITIVELY_MANUFACTURED").contains("parcel:" + id);
        Map<String, Object> o = jdbc.sql("select picked_by, registry_item from parcel_outcome where declaration_id = ?").param(id).query().singleRow();
        assertThat(o.get("picked_by")).isIn("SCORE", "CRITICAL", "EXPLORATION", "RULE", "HAND");
        assertThat(String.valueOf(o.get("registry_item"))).isEqualTo(registryItem);
        // one outcome per item
        assertThat(inspector.post("/api/v1/parcels/declarations/" + id + "/outcome", Map.of("kind", "NOTHING_FOUND"))
                .getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void only_queued_items_get_outcomes_and_a_component_names_which() {
        Map<String, Object> i = item(newItemId());
        UUID id = queued(i);
        var which = inspector.post("/api/v1/parcels/declarations/" + id + "/outcome", Map.of("kind", "ESSENTIAL_COMPONENT"));
        assertThat(which.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(which.getBody().get("errors"))).contains("itemKind");
        assertThat(analyst.post("/api/v1/parcels/queue/" + id + "/remove", Map.of("reason", "")).getStatusCode().value()).isEqualTo(400);
        assertThat(analyst.post("/api/v1/parcels/queue/" + id + "/remove", Map.of("reason", "scanned clean at the sorting centre"))
                .getStatusCode().value()).isEqualTo(204);
        var notQueued = inspector.post("/api/v1/parcels/declarations/" + id + "/outcome", Map.of("kind", "NOTHING_FOUND"));
        assertThat(notQueued.getStatusCode().value()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_log where action in ('PARCEL_QUEUE_REMOVED') and entity_id = ?")
                .param(id.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void reading_sender_and_addressee_is_audited_as_a_read_of_personal_data() {
        String itemId = newItemId();
        send(item(itemId));
        UUID id = declaration(itemId);
        var parties = analyst.get("/api/v1/parcels/declarations/" + id + "/parties");
        assertThat(parties.getStatusCode().value()).isEqualTo(200);
        assertThat(String.valueOf(parties.getBody())).contains("Meikäläinen");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'READ_PERSONAL_DATA' and entity_id = ?")
                .param(id.toString()).query(Integer.class).single()).isEqualTo(1);
        assertThat(inspector.get("/api/v1/parcels/declarations/" + id + "/parties").getStatusCode().value()).isEqualTo(403);
    }
}
