package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.line;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

/** Advance data in over real HTTP: per-item answers, every bad input the issue lists, re-sends and corrections. */
@FerretIntegrationTest
class ParcelDeclarationsIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ParcelsApi postal;

    @BeforeEach
    void setUp() {
        postal = new ParcelsApi(port, "postal");
    }

    private Map<String, Object> only(Map<String, Object> item) {
        var res = postal.submit(List.of(item));
        assertThat(res.getStatusCode().value()).as(String.valueOf(res.getBody())).isEqualTo(200);
        return answers(res).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("problems");
    }

    private void rejects(Map<String, Object> item, String field, String messagePart) {
        Map<String, Object> a = only(item);
        assertThat(a.get("status")).as(String.valueOf(a)).isEqualTo("REJECTED");
        assertThat(problems(a)).anySatisfy(p -> {
            assertThat(p.get("field")).isEqualTo("items[0]." + field);
            assertThat((String) p.get("message")).contains(messagePart);
        });
    }

    @Test
    void an_accepted_item_gets_its_decision_score_and_versions_on_arrival() {
        String id = newItemId();
        Map<String, Object> a = only(item(id));
        assertThat(a.get("status")).isEqualTo("ACCEPTED");
        assertThat(a.get("version")).isEqualTo(1);
        assertThat(a.get("decision")).isIn("HOLD", "RELEASE");
        assertThat((Double) a.get("score")).isBetween(0.0, 1.0);
        var stored = jdbc.sql("select model_version, rule_pack from parcel_decision d join parcel_declaration p on p.id = d.declaration_id where p.item_id = ?")
                .param(id).query().singleRow();
        assertThat((String) stored.get("model_version")).startsWith("postal-");
        assertThat((String) stored.get("rule_pack")).startsWith("postal-firearms");
    }

    @Test
    void a_courier_waybill_under_the_operators_prefix_is_accepted() {
        assertThat(only(item("JD0001234567")).get("status")).isEqualTo("ACCEPTED");
        rejects(item("XX0001234567"), "itemId", "UPU S10");
    }

    @Test
    void hs_chapter_93_without_a_licence_number_always_holds() {
        Map<String, Object> i = item(newItemId());
        line(i, 0).put("description", "pistol slide");
        line(i, 0).put("hsCode", "9305.10");
        Map<String, Object> a = only(i);
        assertThat(a.get("decision")).isEqualTo("HOLD");
        assertThat(a.get("pickedBy")).isEqualTo("RULE");
        assertThat(String.valueOf(a.get("rulesHit"))).contains("hs93-without-licence");
        assertThat((String) a.get("reasons")).contains("without a licence number");
    }

    @Test
    void a_resent_item_makes_no_duplicate_and_a_corrected_one_is_a_new_version() {
        String id = newItemId();
        Map<String, Object> i = item(id);
        assertThat(only(i).get("version")).isEqualTo(1);
        Map<String, Object> again = only(i);
        assertThat(again.get("status")).isEqualTo("UNCHANGED");
        assertThat(again.get("version")).isEqualTo(1);
        i.put("grossWeightKg", 0.7);
        Map<String, Object> corrected = only(i);
        assertThat(corrected.get("status")).isEqualTo("ACCEPTED");
        assertThat(corrected.get("version")).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from parcel_declaration where item_id = ?").param(id).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void a_wrong_s10_check_digit_is_rejected_naming_the_expected_digit() {
        String good = newItemId();
        char wrong = (char) ('0' + (good.charAt(10) - '0' + 1) % 10);
        String bad = good.substring(0, 10) + wrong + good.substring(11);
        rejects(item(bad), "itemId", "wrong S10 check digit");
    }

    @Test
    void an_unknown_country_or_currency_is_rejected() {
        Map<String, Object> i = item(newItemId());
        i.put("origin", "XK1");
        rejects(i, "origin", "ISO 3166");
        Map<String, Object> j = item(newItemId());
        line(j, 0).put("currency", "ZZZ");
        rejects(j, "contents[0].currency", "ISO 4217");
        Map<String, Object> k = item(newItemId());
        k.put("currency", "EURO");
        rejects(k, "currency", "ISO 4217");
    }

    @Test
    void a_negative_weight_or_value_is_rejected() {
        Map<String, Object> i = item(newItemId());
        i.put("grossWeightKg", -1);
        rejects(i, "grossWeightKg", "must not be negative");
        Map<String, Object> j = item(newItemId());
        line(j, 0).put("netWeightKg", -0.2);
        rejects(j, "contents[0].netWeightKg", "must not be negative");
    }

    @Test
    void an_hs_code_of_the_wrong_shape_is_rejected() {
        Map<String, Object> i = item(newItemId());
        line(i, 0).put("hsCode", "93A");
        rejects(i, "contents[0].hsCode", "HS code of 6, 8 or 10 digits");
    }

    @Test
    void an_empty_content_list_is_rejected() {
        Map<String, Object> i = item(newItemId());
        i.put("contents", new ArrayList<>());
        rejects(i, "contents", "at least one content line");
    }

    @Test
    void a_wrong_direction_mail_class_or_site_is_rejected_with_the_allowed_values() {
        Map<String, Object> i = item(newItemId());
        i.put("direction", "SIDEWAYS");
        rejects(i, "direction", "INBOUND, OUTBOUND, TRANSIT");
        Map<String, Object> j = item(newItemId());
        j.put("mailClass", "PIGEON");
        rejects(j, "mailClass", "LETTER_POST, PARCEL, EMS, COURIER");
        Map<String, Object> k = item(newItemId());
        k.put("site", "NOWHERE");
        rejects(k, "site", "unknown screening site");
    }

    @Test
    void a_duplicate_item_in_one_batch_rejects_both_and_keeps_the_good_ones() {
        String dup = newItemId();
        String good = newItemId();
        var res = postal.submit(List.of(item(dup), item(good), item(dup)));
        assertThat(res.getStatusCode().value()).isEqualTo(200);
        var a = answers(res);
        assertThat(a.get(0).get("status")).isEqualTo("REJECTED");
        assertThat(a.get(1).get("status")).isEqualTo("ACCEPTED");
        assertThat(a.get(2).get("status")).isEqualTo("REJECTED");
        assertThat((String) problems(a.get(2)).get(0).get("message")).contains("appears 2 times in this batch");
        assertThat(res.getBody()).containsEntry("accepted", 1).containsEntry("rejected", 2);
        assertThat(jdbc.sql("select count(*) from parcel_declaration where item_id = ?").param(dup).query(Integer.class).single()).isZero();
    }

    @Test
    void all_or_nothing_stores_nothing_when_one_item_is_bad() {
        String good = newItemId();
        Map<String, Object> bad = item(newItemId());
        bad.put("grossWeightKg", "heavy");
        var res = postal.post("/api/v1/parcels/declarations?allOrNothing=true", Map.of("items", List.of(item(good), bad)));
        assertThat(res.getStatusCode().value()).isEqualTo(422);
        assertThat(res.getBody().get("code")).isEqualTo("IMPORT_REJECTED");
        assertThat(String.valueOf(res.getBody().get("errors"))).contains("items[1].grossWeightKg").contains("expected a number");
        assertThat(jdbc.sql("select count(*) from parcel_declaration where item_id = ?").param(good).query(Integer.class).single()).isZero();
    }

    @Test
    void malformed_json_is_answered_with_its_line_and_column() {
        var res = postal.post("/api/v1/parcels/declarations", "{\"items\": [\n {\"itemId\": }]}");
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(res.getBody().get("code")).isEqualTo("MALFORMED_REQUEST");
        assertThat((String) res.getBody().get("detail")).contains("line 2");
    }

    @Test
    void an_oversized_batch_is_answered_413_with_problem_json_and_nothing_stored() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(item(newItemId()));
        }
        var res = postal.submit(items);
        assertThat(res.getStatusCode().value()).isEqualTo(413);
        assertThat(res.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(res.getBody().get("code")).isEqualTo("BATCH_TOO_LARGE");
        assertThat((String) res.getBody().get("detail")).contains("at most 1000");
        assertThat(jdbc.sql("select count(*) from parcel_declaration where item_id = ?").param(items.get(0).get("itemId")).query(Integer.class).single()).isZero();
    }

    @Test
    void an_analyst_may_not_send_declarations() {
        var res = new ParcelsApi(port, "customs").submit(List.of(item(newItemId())));
        assertThat(res.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void personal_data_is_stored_apart_and_the_history_sees_only_keyed_hashes() {
        String id = newItemId();
        only(item(id));
        String row = jdbc.sql("select profile_row from parcel_declaration where item_id = ?").param(id).query(String.class).single();
        assertThat(row).doesNotContain("Meikäläinen").doesNotContain("Mannerheimintie");
        Map<String, Object> hashes = jdbc.sql("select sender_hash, addressee_hash from parcel_declaration where item_id = ?").param(id).query().singleRow();
        assertThat((String) hashes.get("addressee_hash")).hasSize(64).isNotEqualTo(hashes.get("sender_hash"));
        assertThat(row).contains((String) hashes.get("addressee_hash"));
        assertThat(jdbc.sql("select count(*) from parcel_party pp join parcel_declaration p on p.id = pp.declaration_id where p.item_id = ?")
                .param(id).query(Integer.class).single()).isEqualTo(2);
    }

    static Map<String, Object> copy(Map<String, Object> m) {
        return new HashMap<>(m);
    }
}
