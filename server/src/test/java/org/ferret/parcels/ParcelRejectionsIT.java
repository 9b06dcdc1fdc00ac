package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.util.List;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rejected batch items are kept for the operator's submissions screen, also when an all-or-nothing batch stores nothing else. */
@FerretIntegrationTest
class ParcelRejectionsIT {
    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private List<Map<String, Object>> rejections(String itemId) {
        return jdbc.sql("select item_index, field, reason, whole_batch, operator from parcel_rejection where item_id = ? order by field")
                .param(itemId).query().listOfRows();
    }

    private long declarations(String itemId) {
        return jdbc.sql("select count(*) from parcel_declaration where item_id = ?").param(itemId).query(Long.class).single();
    }

    @Test
    void a_rejected_item_of_a_partly_good_batch_is_kept_with_its_field_and_reason_beside_the_stored_good_item() {
        String good = newItemId(), bad = newItemId();
        Map<String, Object> b = item(bad);
        b.put("currency", "XXY");
        b.put("grossWeightKg", -1);
        var a = answers(new ParcelsApi(port, "postal").submit(List.of(item(good), b)));
        assertThat(a.get(1).get("status")).isEqualTo("REJECTED");
        assertThat(declarations(good)).isEqualTo(1);
        List<Map<String, Object>> r = rejections(bad);
        assertThat(r).extracting(m -> m.get("field")).containsExactly("items[1].currency", "items[1].grossWeightKg");
        assertThat(r).allSatisfy(m -> {
            assertThat(m.get("whole_batch")).isEqualTo(false);
            assertThat(m.get("operator")).isEqualTo("POST");
            assertThat(((Number) m.get("item_index")).intValue()).isEqualTo(1);
        });
        assertThat((String) r.get(0).get("reason")).contains("XXY");
    }

    @Test
    void a_refused_all_or_nothing_batch_stores_no_declaration_but_keeps_why() {
        String good = newItemId(), bad = newItemId();
        Map<String, Object> b = item(bad);
        b.put("origin", "ZZ");
        var res = new ParcelsApi(port, "postal").post("/api/v1/parcels/declarations?allOrNothing=true", Map.of("items", List.of(item(good), b)));
        assertThat(res.getStatusCode().value()).isEqualTo(422);
        assertThat(declarations(good)).isZero();
        assertThat(declarations(bad)).isZero();
        List<Map<String, Object>> r = rejections(bad);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).get("field")).isEqualTo("items[1].origin");
        assertThat(r.get(0).get("whole_batch")).isEqualTo(true);
        assertThat(rejections(good)).isEmpty();
    }
}
