package org.ferret.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.intelligence.SeizuresApi.problems;
import static org.ferret.intelligence.SeizuresApi.unique;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ferret.audit.RecordCoverageVerifier;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Online listings over HTTP (issue 14): import, scored with reasons, the queue, confirm into a lead linked to a seizure, dismiss. */
@FerretIntegrationTest
class ListingsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordCoverageVerifier coverage;
    SeizuresApi intel;

    @BeforeEach
    void setUp() {
        intel = new SeizuresApi(port, "intel");
    }

    int listings() {
        return jdbc.sql("select count(*) from intel_listing").query(Integer.class).single();
    }

    @SuppressWarnings("unchecked")
    @Test
    void an_imported_listing_is_scored_queued_with_reasons_and_confirmed_into_a_lead_linked_to_a_seizure() {
        String run = unique("L");
        String csv = "platform,url,title,text,price,currency,seller,listedOn,images\n"
                + "market.example,https://market.example/" + run + "/1,G l 0 c k 19 for sale,\"Selling my gl0ck, 9mm, no paperwork, discreet shipping\",450,EUR,sel1," + LocalDate.now().minusDays(2) + ",a.jpg|b.jpg\n"
                + "market.example,https://market.example/" + run + "/2,Heißklebepistole 60W,\"Heißklebepistole mit 20 Sticks, Werkstatt\",15,EUR,sel2,,\n"
                + "forum.example,https://forum.example/" + run + "/3,Schalldämpfer für Pistole,\"Schalldampfer mit Gewinde, diskreter Versand\",300.50,EUR,,,\n";
        Map<String, Object> r = intel.ok(csv(csv), 200);
        assertThat(r.get("imported")).isEqualTo(3);
        List<String> ids = (List<String>) r.get("ids");

        Map<String, Object> pistol = intel.ok(intel.get("/api/v1/listings/" + ids.get(0)), 200);
        assertThat((Double) pistol.get("score")).isGreaterThan(Listings.QUEUE_THRESHOLD);
        assertThat(pistol.get("category")).isEqualTo("FIREARM");
        assertThat((List<Map<String, Object>>) pistol.get("reasons")).extracting(m -> m.get("matched")).contains("glock", "no paperwork");
        Map<String, Object> glue = intel.ok(intel.get("/api/v1/listings/" + ids.get(1)), 200);
        assertThat((Double) glue.get("score")).isLessThan(Listings.QUEUE_THRESHOLD);
        assertThat((List<Map<String, Object>>) glue.get("reasons")).extracting(m -> m.get("signal")).contains("HARMLESS_CONTEXT");

        List<Map<String, Object>> queue = intel.list("/api/v1/listings/queue?limit=1000");
        assertThat(queue).extracting(m -> m.get("id")).contains(ids.get(0), ids.get(2)).doesNotContain(ids.get(1));

        // a seizure to link the lead to
        Map<String, Object> seizure = intel.ok(intel.post("/api/v1/seizures", Map.of("reference", unique("SZ"),
                "seizedOn", LocalDate.now().minusDays(1).toString(), "country", "FI", "agency", "Finnish Customs",
                "legalJustification", "ILLICIT_TRAFFICKING", "criminalContext", "TRAFFICKING", "conveyance", "POSTAL",
                "items", List.of(Map.of("type", "FIREARM", "itemKind", "PISTOL", "marked", "no")))), 201);
        Map<String, Object> confirmed = intel.ok(intel.post("/api/v1/listings/" + ids.get(0) + "/confirm",
                Map.of("note", "matches the parcel", "seizure", seizure.get("id"))), 200);
        assertThat(confirmed.get("status")).isEqualTo("CONFIRMED");
        Map<String, Object> lead = (Map<String, Object>) confirmed.get("lead");
        assertThat(lead.get("category")).isEqualTo("FIREARM");
        assertThat((List<Map<String, Object>>) lead.get("links")).extracting(m -> m.get("seizure")).containsExactly(seizure.get("id"));

        // an alert is linked by reference only
        String alert = java.util.UUID.randomUUID().toString();
        Map<String, Object> linked = intel.ok(intel.post("/api/v1/listings/" + ids.get(0) + "/links", Map.of("alert", alert)), 201);
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) linked.get("lead")).get("links")).extracting(m -> m.get("alert")).contains(alert);

        // decided once; a dismissal is a label too
        assertThat(intel.post("/api/v1/listings/" + ids.get(0) + "/dismiss", null).getStatusCode().value()).isEqualTo(409);
        assertThat(intel.ok(intel.post("/api/v1/listings/" + ids.get(2) + "/dismiss", Map.of("note", "a cleaning kit")), 200).get("status")).isEqualTo("DISMISSED");
        assertThat(intel.list("/api/v1/listings/queue?limit=1000")).extracting(m -> m.get("id")).doesNotContain(ids.get(0), ids.get(2));
        assertThat(intel.post("/api/v1/listings/" + ids.get(1) + "/links", Map.of("alert", alert)).getStatusCode().value()).isEqualTo(409);

        Map<String, Object> training = intel.ok(intel.post("/api/v1/listings/model/retrain", null), 200);
        assertThat((Integer) training.get("confirmed")).isGreaterThanOrEqualTo(1);
        assertThat((Integer) training.get("dismissed")).isGreaterThanOrEqualTo(1);

        // the same URLs again are known, not recorded twice
        Map<String, Object> again = intel.ok(csv(csv), 200);
        assertThat(again.get("imported")).isEqualTo(0);
        assertThat(again.get("alreadyKnown")).isEqualTo(3);

        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LISTING_CONFIRMED' and entity_id = ?").param(ids.get(0))
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(coverage.verify().intact()).as("the listing rows are covered by the audit chain").isTrue();
    }

    @Test
    void a_bad_csv_names_each_line_and_column_and_records_nothing() {
        int before = listings();
        String run = unique("L");
        String csv = "platform,url,title,price,currency,listedOn\n"
                + "m,https://m.example/" + run + "/1,fine,10,EUR,\n"
                + "m,ftp://m.example/x,bad url,10,EUR,\n"
                + "m,https://m.example/" + run + "/3,bad price,ten,EUR,\n"
                + "m,https://m.example/" + run + "/4,bad currency,10,EURO,\n"
                + "m,https://m.example/" + run + "/5,future," + ",," + LocalDate.now().plusDays(3) + "\n"
                + "m,https://m.example/" + run + "/1,duplicate,10,EUR,\n"
                + "m,https://m.example/" + run + "/7,\"two\nlines\",10,EUR,\n"
                + ",https://m.example/" + run + "/8,no platform,,,\n";
        Map<String, Object> p = intel.ok(csv(csv), 422);
        assertThat(p.get("code")).isEqualTo("IMPORT_REJECTED");
        assertThat(problems(p)).containsExactlyInAnyOrder("3:url", "4:price", "5:currency", "6:listedOn", "7:url", "8:title", "10:platform");
        assertThat(listings()).isEqualTo(before);
    }

    @Test
    void bad_json_is_refused_with_its_line_a_duplicate_key_named_and_nothing_recorded() {
        int before = listings();
        String run = unique("L");
        String dup = "[\n{\"platform\": \"m\", \"url\": \"https://m.example/" + run + "/1\", \"title\": \"ok\"},\n"
                + "{\"platform\": \"m\", \"url\": \"https://m.example/" + run + "/2\", \"title\": \"a\", \"title\": \"b\"}\n]";
        Map<String, Object> p = intel.ok(json(dup), 422);
        assertThat(problems(p)).containsExactly("3:file");
        assertThat(p.toString()).contains("twice");

        String fields = "[\n{\"platform\": \"m\", \"url\": \"https://m.example/" + run + "/1\", \"title\": \"ok\", \"price\": 5},\n"
                + "{\"platform\": \"m\", \"url\": \"https://m.example/" + run + "/2\", \"title\": \"x\", \"colour\": \"red\", \"images\": \"a.jpg\"}\n]";
        assertThat(problems(intel.ok(json(fields), 422))).containsExactlyInAnyOrder("2:[0].currency", "3:[1].colour", "3:[1].images");

        byte[] latin1 = ("[{\"platform\": \"m\", \"url\": \"https://m.example/" + run + "/1\", \"title\": \"Schalld\u00e4mpfer\"}]").getBytes(StandardCharsets.ISO_8859_1);
        var res = intel.client.post().uri("/api/v1/listings/import").contentType(MediaType.APPLICATION_JSON).body(latin1).retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).isEqualTo(422);
        assertThat(res.getBody().toString()).contains("UTF-8");
        assertThat(listings()).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    org.springframework.http.ResponseEntity<Map<String, Object>> csv(String body) {
        return (org.springframework.http.ResponseEntity<Map<String, Object>>) (org.springframework.http.ResponseEntity<?>) intel.client.post()
                .uri("/api/v1/listings/import").contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(body.getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    org.springframework.http.ResponseEntity<Map<String, Object>> json(String body) {
        return (org.springframework.http.ResponseEntity<Map<String, Object>>) (org.springframework.http.ResponseEntity<?>) intel.client.post()
                .uri("/api/v1/listings/import").contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .retrieve().toEntity(Map.class);
    }
}
