package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.newItemId;
import static org.ferret.parcels.ParcelsCsv.file;
import static org.ferret.parcels.ParcelsCsv.row;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Declarations as a CSV file over real HTTP (POST /api/v1/parcels/declarations, text/csv): the same validation and
 * per-item answers as the JSON batch, and every bad input of issue 11 answered with its line and column while the
 * good rows are kept.
 */
@FerretIntegrationTest
class ParcelCsvIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ParcelsApi postal;

    @BeforeEach
    void setUp() {
        postal = new ParcelsApi(port, "postal");
    }

    @SuppressWarnings("unchecked")
    ResponseEntity<Map<String, Object>> send(byte[] body, boolean allOrNothing) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) postal.client.post()
                .uri("/api/v1/parcels/declarations?allOrNothing=" + allOrNothing)
                .contentType(MediaType.parseMediaType("text/csv")).body(body).retrieve().toEntity(Map.class);
    }

    ResponseEntity<Map<String, Object>> send(String csv) {
        return send(csv.getBytes(StandardCharsets.UTF_8), false);
    }

    List<Map<String, Object>> ok(String csv) {
        var res = send(csv);
        assertThat(res.getStatusCode().value()).as(String.valueOf(res.getBody())).isEqualTo(200);
        return answers(res);
    }

    int stored(String itemId) {
        return jdbc.sql("select count(*) from parcel_declaration where item_id = ?").param(itemId).query(Integer.class).single();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> problems(Map<String, Object> answerOrProblem, String key) {
        return (List<Map<String, Object>>) answerOrProblem.get(key);
    }

    /** The one problem of a rejected answer that names {@code column}, on {@code line}. */
    static void rejected(Map<String, Object> answer, int line, String column, String messagePart) {
        assertThat(answer.get("status")).as(String.valueOf(answer)).isEqualTo("REJECTED");
        assertThat(problems(answer, "problems")).as(String.valueOf(answer)).anySatisfy(p -> {
            assertThat(p.get("line")).isEqualTo(line);
            assertThat(p.get("field")).isEqualTo(column);
            assertThat((String) p.get("message")).contains(messagePart);
        });
    }

    @Test
    void a_file_is_decided_item_by_item_a_resent_item_is_unchanged_and_a_corrected_one_a_new_version() {
        String a = newItemId();
        String b = newItemId();
        Map<String, String> second = row(b);
        second.put("content2_description", "phone case");
        second.put("content2_quantity", "1");
        second.put("content2_value", "5");
        var first = ok(file(row(a), second));
        assertThat(first).extracting(m -> m.get("status")).containsExactly("ACCEPTED", "ACCEPTED");
        assertThat(first).allSatisfy(m -> assertThat(m.get("decision")).isIn("HOLD", "RELEASE"));
        assertThat(first).extracting(m -> m.get("index")).containsExactly(0, 1);

        Map<String, String> corrected = row(b);
        corrected.put("gross_weight_kg", "0.7");
        var again = ok(file(row(a), corrected));
        assertThat(again.get(0).get("status")).isEqualTo("UNCHANGED");
        assertThat(again.get(0).get("version")).isEqualTo(1);
        assertThat(again.get(1).get("status")).isEqualTo("ACCEPTED");
        assertThat(again.get(1).get("version")).isEqualTo(2);
        assertThat(stored(a)).isEqualTo(1);
        assertThat(stored(b)).isEqualTo(2);
    }

    @Test
    void an_item_sent_as_json_and_again_as_csv_is_the_same_declaration() {
        String id = newItemId();
        assertThat(answers(postal.submit(List.of(ParcelsApi.item(id)))).get(0).get("status")).isEqualTo("ACCEPTED");
        assertThat(ok(file(row(id))).get(0).get("status")).isEqualTo("UNCHANGED");
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void hs_chapter_93_without_a_licence_number_holds_by_the_mandatory_rule() {
        Map<String, String> r = row(newItemId());
        r.put("content1_description", "pistol slide");
        r.put("content1_hs_code", "9305.10");
        var a = ok(file(r)).get(0);
        assertThat(a.get("decision")).isEqualTo("HOLD");
        assertThat(a.get("pickedBy")).isEqualTo("RULE");
        assertThat(String.valueOf(a.get("rulesHit"))).contains("hs93-without-licence");
    }

    @Test
    void every_bad_input_of_the_issue_is_named_by_line_and_column_and_the_good_rows_are_kept() {
        String good = newItemId();
        String wrongDigit = newItemId();
        wrongDigit = wrongDigit.substring(0, 10) + (char) ('0' + (wrongDigit.charAt(10) - '0' + 1) % 10) + wrongDigit.substring(11);
        Map<String, String> digit = row(wrongDigit);
        Map<String, String> country = row(newItemId());
        country.put("origin", "XK1");
        Map<String, String> currency = row(newItemId());
        currency.put("content1_currency", "XYZ");
        Map<String, String> weight = row(newItemId());
        weight.put("gross_weight_kg", "-1.5");
        Map<String, String> hs = row(newItemId());
        hs.put("content1_hs_code", "93A5");
        Map<String, String> empty = row(newItemId());
        for (String c : List.of("description", "quantity", "net_weight_kg", "value", "currency", "hs_code", "origin_country")) {
            empty.remove("content1_" + c);
        }
        String dup = newItemId();
        var answers = ok(file(row(good), digit, country, currency, weight, hs, empty, row(dup), row(dup)));
        assertThat(answers).hasSize(9);
        assertThat(answers.get(0).get("status")).isEqualTo("ACCEPTED");
        rejected(answers.get(1), 3, "item_id", "wrong S10 check digit");
        rejected(answers.get(2), 4, "origin", "unknown ISO 3166-1 alpha-2 country code 'XK1'");
        rejected(answers.get(3), 5, "content1_currency", "unknown ISO 4217 currency code 'XYZ'");
        rejected(answers.get(4), 6, "gross_weight_kg", "must not be negative");
        rejected(answers.get(5), 7, "content1_hs_code", "expected an HS code of 6, 8 or 10 digits");
        rejected(answers.get(6), 8, "content1_description", "at least one content line");
        rejected(answers.get(7), 9, "item_id", "lines 9 and 10");
        rejected(answers.get(8), 10, "item_id", "lines 9 and 10");
        // each rejected row says only what is wrong with it
        for (int i = 1; i <= 6; i++) {
            assertThat(problems(answers.get(i), "problems")).as(String.valueOf(answers.get(i))).hasSize(1);
        }
        assertThat(stored(good)).isEqualTo(1);
        assertThat(stored(dup)).isZero();
    }

    @Test
    void a_row_with_a_wrong_number_of_values_is_rejected_alone() {
        String good = newItemId();
        String csv = file(row(good)) + newItemId() + ",HEL,INBOUND\n";
        var answers = ok(csv);
        assertThat(answers.get(0).get("status")).isEqualTo("ACCEPTED");
        rejected(answers.get(1), 3, "(row)", "has 3 values, the header has " + ParcelsCsv.HEADER.size() + " columns");
        assertThat(stored(good)).isEqualTo(1);
    }

    @Test
    void malformed_csv_is_400_problem_json_naming_the_line_and_nothing_is_stored() {
        String good = newItemId();
        String broken = file(row(good)) + newItemId() + ",HEL,\"INBOUND,PARCEL\n";
        var res = send(broken);
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(res.getBody().get("code")).isEqualTo("MALFORMED_REQUEST");
        assertThat(problems(res.getBody(), "errors")).singleElement().satisfies(p -> {
            assertThat(p.get("line")).isEqualTo(3);
            assertThat((String) p.get("message")).contains("cannot be read from line 3");
        });
        assertThat(stored(good)).isZero();
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_naming_line_and_byte() {
        byte[] latin1 = file(row(newItemId())).replace("Meikäläinen", "Meik\u00e4l\u00e4inen").getBytes(StandardCharsets.ISO_8859_1);
        var res = send(latin1, false);
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(problems(res.getBody(), "errors")).singleElement().satisfies(p -> {
            assertThat(p.get("line")).isEqualTo(2);
            assertThat((String) p.get("message")).contains("not valid UTF-8").contains("0xE4");
        });
    }

    @Test
    void an_unknown_or_duplicate_column_is_refused_in_the_header() {
        String csv = file(row(newItemId()));
        var unknown = send(csv.replaceFirst("posting_office", "posting_ofice"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat((String) unknown.getBody().get("detail")).contains("line 1").contains("'posting_ofice' is not a column");
        var twice = send(csv.replaceFirst("posting_office", "site"));
        assertThat(twice.getStatusCode().value()).isEqualTo(400);
        assertThat((String) twice.getBody().get("detail")).contains("'site' appears twice");
    }

    @Test
    void all_or_nothing_refuses_the_whole_file_with_every_problem_and_stores_nothing() {
        String good = newItemId();
        Map<String, String> bad = row(newItemId());
        bad.put("content1_hs_code", "12");
        bad.put("destination", "ZZ");
        var res = send(file(row(good), bad).getBytes(StandardCharsets.UTF_8), true);
        assertThat(res.getStatusCode().value()).isEqualTo(422);
        assertThat(res.getBody().get("code")).isEqualTo("IMPORT_REJECTED");
        assertThat(problems(res.getBody(), "errors")).extracting(p -> p.get("line") + " " + p.get("field"))
                .containsExactlyInAnyOrder("3 destination", "3 content1_hs_code");
        assertThat(stored(good)).isZero();
    }

    @Test
    void an_oversized_file_is_413_problem_json_and_nothing_is_stored() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            rows.add(row(newItemId()));
        }
        var res = send(file(rows));
        assertThat(res.getStatusCode().value()).isEqualTo(413);
        assertThat(res.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(res.getBody().get("code")).isEqualTo("BATCH_TOO_LARGE");
        assertThat((String) res.getBody().get("detail")).contains("at most 1000 items");
        assertThat(problems(res.getBody(), "errors")).singleElement().satisfies(p -> assertThat(p.get("line")).isEqualTo(1002));
        assertThat(stored(rows.get(0).get("item_id"))).isZero();
    }
}
