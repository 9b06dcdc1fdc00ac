package org.ferret.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.licensing.LicensingApi.answer;
import static org.ferret.licensing.LicensingApi.application;
import static org.ferret.licensing.LicensingApi.checks;
import static org.ferret.licensing.LicensingApi.dealer;
import static org.ferret.licensing.LicensingApi.goods;
import static org.ferret.licensing.LicensingApi.items;
import static org.ferret.licensing.LicensingApi.licence;
import static org.ferret.licensing.LicensingApi.pistolHeldBy;
import static org.ferret.licensing.LicensingApi.unique;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Export licences end to end over HTTP (Protocol art. 10; issue 13). */
@FerretIntegrationTest
class LicensingIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.ferret.audit.RecordCoverage coverage;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    LicensingApi officer;
    LicensingApi registrar;
    LicensingApi anonymous;

    @BeforeEach
    void setUp() {
        officer = new LicensingApi(port, "licensing");
        registrar = new LicensingApi(port, "registrar");
        anonymous = new LicensingApi(port, null);
    }

    String today() {
        return LocalDate.now().toString();
    }

    Map<String, Object> export(String item, String country, String licenceNumber) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "EXPORT");
        e.put("occurredOn", today());
        e.put("country", country);
        if (licenceNumber != null) {
            e.put("reference", licenceNumber);
        }
        return e;
    }

    @Test
    void an_export_licence_is_issued_only_after_the_import_authorisation_and_the_transit_no_objection_and_exports_draw_it_down() {
        String dealer = dealer(registrar);
        String p1 = pistolHeldBy(registrar, dealer);
        String p2 = pistolHeldBy(registrar, dealer);
        String other = pistolHeldBy(registrar, dealer);
        Map<String, Object> applied = officer.ok(officer.post("/api/v1/licences",
                application(dealer, "DE", List.of("SE"), items(p1, p2))), 201);
        String id = (String) licence(applied).get("id");
        String number = (String) licence(applied).get("number");
        assertThat(licence(applied).get("status")).isEqualTo("APPLIED");
        assertThat(checks(applied)).filteredOn(c -> !(Boolean) c.get("passed"))
                .extracting(c -> c.get("provision")).contains("Protocol art. 10(2)(a)", "Protocol art. 10(2)(b)");

        // art. 10(2)(a) and (b): refused while the importing state's authorisation and the transit notice are missing
        var refused = officer.post("/api/v1/licences/" + id + "/issue", null);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("code")).isEqualTo("LICENCE_CHECKS_FAILED");
        assertThat(refused.getBody().get("detail").toString()).contains("art. 10(2)(a)").contains("art. 10(2)(b)");

        officer.ok(officer.post("/api/v1/licences/" + id + "/answers",
                answer("IMPORT_AUTHORISATION", "DE", LocalDate.now().plusYears(1))), 201);
        var stillRefused = officer.post("/api/v1/licences/" + id + "/issue", null);
        assertThat(stillRefused.getStatusCode().value()).isEqualTo(409);
        assertThat(stillRefused.getBody().get("detail").toString()).contains("art. 10(2)(b)").doesNotContain("10(2)(a)");

        officer.ok(officer.post("/api/v1/licences/" + id + "/answers", answer("TRANSIT_NO_OBJECTION", "SE", null)), 201);
        Map<String, Object> issued = officer.ok(officer.post("/api/v1/licences/" + id + "/issue", null), 200);
        assertThat(licence(issued).get("status")).isEqualTo("ISSUED");
        assertThat(licence(issued).get("issuedOn")).isEqualTo(today());
        assertThat(checks(issued)).allSatisfy(c -> assertThat(c.get("passed")).isEqualTo(true));
        String code = (String) licence(issued).get("verificationCode");
        assertThat(code).matches("[A-Z2-7]{16}");

        // an export of an item the licence does not cover is refused, and nothing of it is written
        var uncovered = registrar.post("/api/v1/items/" + other + "/events", export(other, "DE", number));
        assertThat(uncovered.getStatusCode().value()).isEqualTo(409);
        assertThat(uncovered.getBody().get("code")).isEqualTo("LICENCE_NOT_VALID");
        assertThat(registrar.get("/api/v1/items/" + other).getBody().get("status")).isEqualTo("IN_LAWFUL_POSSESSION");
        // to another country than the licence's: refused
        var wrongCountry = registrar.post("/api/v1/items/" + p1 + "/events", export(p1, "FR", number));
        assertThat(wrongCountry.getStatusCode().value()).isEqualTo(409);
        assertThat(wrongCountry.getBody().get("detail").toString()).contains("DE").contains("FR");

        registrar.ok(registrar.post("/api/v1/items/" + p1 + "/events", export(p1, "DE", number)), 201);
        Map<String, Object> after1 = licence(officer.ok(officer.get("/api/v1/licences/" + id), 200));
        assertThat(goods(after1)).extracting(g -> g.get("used")).containsExactly(1, 0);
        assertThat(after1.get("status")).isEqualTo("ISSUED");
        assertThat(anonymous.ok(anonymous.get("/api/v1/licence-verification/" + code), 200).get("answer"))
                .isEqualTo("VALID");

        registrar.ok(registrar.post("/api/v1/items/" + p2 + "/events", export(p2, "DE", number)), 201);
        Map<String, Object> after2 = licence(officer.ok(officer.get("/api/v1/licences/" + id), 200));
        assertThat(after2.get("status")).isEqualTo("EXHAUSTED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) after2.get("history");
        assertThat(history).extracting(h -> h.get("transition")).containsExactly("APPLY", "ISSUE", "EXHAUST");

        // the public verification answers the standing and the remaining quantities, nothing more
        Map<String, Object> v = anonymous.ok(anonymous.get("/api/v1/licence-verification/" + code), 200);
        assertThat(v.get("answer")).isEqualTo("EXHAUSTED");
        assertThat(v.keySet()).containsExactlyInAnyOrder("number", "answer", "expiresOn", "remaining");
        assertThat(v.toString()).doesNotContain("Sportschützen").doesNotContain(dealer);
        assertThat(anonymous.get("/api/v1/licence-verification/AAAAAAAAAAAAAAAA").getStatusCode().value()).isEqualTo(404);

        // every change is in the audit trail
        List<String> actions = jdbc.sql("select action from audit_log where entity_type = 'licence' and entity_id = ? "
                + "order by seq").param(id).query(String.class).list();
        assertThat(actions).contains("LICENCE_APPLIED", "LICENCE_ANSWER_RECORDED", "LICENCE_ISSUED",
                "LICENCE_DRAWN_DOWN", "LICENCE_EXHAUSTED");
    }

    @Test
    void a_bad_application_is_refused_with_every_problem_named_and_nothing_written() {
        String dealer = dealer(registrar);
        String destroyed = pistolHeldBy(registrar, dealer);
        registrar.ok(registrar.post("/api/v1/items/" + destroyed + "/events", Map.of("type", "DESTRUCTION",
                "occurredOn", today(), "destruction", Map.of("method", "shredding", "witness", "J. Virtanen",
                        "certificateNumber", unique("C")))), 201);
        String stolen = pistolHeldBy(registrar, dealer);
        registrar.ok(registrar.post("/api/v1/items/" + stolen + "/events", Map.of("type", "THEFT_REPORTED",
                "occurredOn", today())), 201);
        Map<String, Object> app = application(dealer, "XX", List.of("ZZ"), List.of(
                Map.of("itemId", destroyed, "quantity", 1), Map.of("itemId", stolen, "quantity", 1),
                Map.of("description", "9x19mm cartridges", "quantity", 0),
                Map.of("description", "7.62 cartridges", "quantity", -5)));
        app.put("expiresOn", LocalDate.now().minusDays(1).toString());
        long before = count();

        var res = officer.post("/api/v1/licences", app);

        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getBody().get("code")).isEqualTo("VALIDATION_FAILED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) res.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).contains("countryOfImport", "transitCountries[0]",
                "expiresOn", "goods[0].itemId", "goods[1].itemId", "goods[2].quantity", "goods[3].quantity");
        assertThat(errors.toString()).contains("destroyed").contains("reported stolen").contains("XX");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void an_end_user_certificate_serves_one_licence_only() {
        String dealer = dealer(registrar);
        Map<String, Object> first = application(dealer, "DE", List.of(), List.of(Map.of("description", "cartridges",
                "quantity", 100)));
        officer.ok(officer.post("/api/v1/licences", first), 201);
        Map<String, Object> second = application(dealer, "NO", List.of(), List.of(Map.of("description", "cartridges",
                "quantity", 100)));
        second.put("endUserCertificate", first.get("endUserCertificate").toString().toLowerCase());

        long before = count();

        var res = officer.post("/api/v1/licences", second);

        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getBody().get("errors").toString()).contains("endUserCertificate").contains("one licence only");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void on_postgresql_shipments_receipts_history_and_answers_refuse_update_and_delete() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.ferret.testsupport.TestDatabase.onPostgres(),
                "triggers exist on PostgreSQL only");
        String id = issuedAmmunition(dealer(registrar), 10);
        officer.ok(officer.post("/api/v1/licences/" + id + "/usage", Map.of("reportId", unique("U"), "line", 1,
                "quantity", 2, "occurredOn", today())), 201);
        assertThat(officer.client.post().uri("/api/v1/licences/" + id + "/receipts")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("reference", "R", "receivedOn", today())).retrieve().toEntity(List.class)
                .getStatusCode().value()).isEqualTo(201);
        for (String sql : List.of("update licensing_drawdown set quantity = 1 where licence_id = cast(? as uuid)",
                "delete from licensing_receipt where licence_id = cast(? as uuid)",
                "update licensing_history set reason = 'x' where licence_id = cast(? as uuid)",
                "delete from licensing_authorisation where licence_id = cast(? as uuid)")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(sql).param(id).update()).as(sql)
                    .rootCause().hasMessageContaining("append-only");
        }
    }

    /** The issue's bad input beyond the application: each refused naming its field, nothing written. */
    @Test
    void bad_answers_shipments_and_receipts_are_refused_naming_the_field_and_nothing_is_written() {
        String dealer = dealer(registrar);
        String applied = applyAmmunition(dealer, 10, List.of("SE"));
        var unknownCountry = officer.post("/api/v1/licences/" + applied + "/answers",
                answer("TRANSIT_NO_OBJECTION", "QQ", null));
        assertThat(unknownCountry.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownCountry.getBody().get("errors").toString()).contains("country");
        var receiptAsAnswer = officer.post("/api/v1/licences/" + applied + "/answers", answer("RECEIPT", "DE", null));
        assertThat(receiptAsAnswer.getStatusCode().value()).isEqualTo(400);
        assertThat(receiptAsAnswer.getBody().get("errors").toString()).contains("kind");
        assertThat(jdbc.sql("select count(*) from licensing_authorisation where licence_id = cast(? as uuid)")
                .param(applied).query(Integer.class).single()).isZero();

        String id = issuedAmmunition(dealer, 10);
        String uri = "/api/v1/licences/" + id + "/usage";
        var noLine = officer.post(uri, Map.of("reportId", unique("U"), "line", 9, "quantity", 1, "occurredOn", today()));
        assertThat(noLine.getStatusCode().value()).isEqualTo(400);
        assertThat(noLine.getBody().get("errors").toString()).contains("line");
        var negative = officer.post(uri, Map.of("reportId", unique("U"), "line", 1, "quantity", -3, "occurredOn", today()));
        assertThat(negative.getStatusCode().value()).isEqualTo(400);
        assertThat(negative.getBody().get("errors").toString()).contains("quantity");
        var beforeIssue = officer.post(uri, Map.of("reportId", unique("U"), "line", 1, "quantity", 1,
                "occurredOn", LocalDate.now().minusDays(3).toString()));
        assertThat(beforeIssue.getStatusCode().value()).isEqualTo(409);
        assertThat(beforeIssue.getBody().get("errors").toString()).contains("occurredOn");
        var afterExpiry = officer.post(uri, Map.of("reportId", unique("U"), "line", 1, "quantity", 1,
                "occurredOn", LocalDate.now().plusYears(1).toString()));
        assertThat(afterExpiry.getStatusCode().value()).isEqualTo(409);
        assertThat(afterExpiry.getBody().get("errors").toString()).contains("occurredOn");
        assertThat(jdbc.sql("select count(*) from licensing_drawdown where licence_id = cast(? as uuid)")
                .param(id).query(Integer.class).single()).isZero();

        var noShipment = officer.post("/api/v1/licences/" + id + "/receipts", Map.of("reference", "R",
                "receivedOn", today()));
        assertThat(noShipment.getStatusCode().value()).isEqualTo(400);
        assertThat(noShipment.getBody().get("errors").toString()).contains("drawdown");
        officer.ok(officer.post(uri, Map.of("reportId", unique("U"), "line", 1, "quantity", 2, "occurredOn", today())), 201);
        var future = officer.post("/api/v1/licences/" + id + "/receipts", Map.of("reference", "R",
                "receivedOn", LocalDate.now().plusDays(5).toString()));
        assertThat(future.getStatusCode().value()).isEqualTo(400);
        assertThat(future.getBody().get("errors").toString()).contains("receivedOn");
        var noReference = officer.post("/api/v1/licences/" + id + "/receipts", Map.of("receivedOn", today()));
        assertThat(noReference.getStatusCode().value()).isEqualTo(400);
        assertThat(noReference.getBody().get("errors").toString()).contains("reference");
        assertThat(jdbc.sql("select count(*) from licensing_receipt where licence_id = cast(? as uuid)")
                .param(id).query(Integer.class).single()).isZero();
    }

    @Test
    void a_licence_may_not_be_valid_longer_than_the_import_authorisation() {
        String dealer = dealer(registrar);
        String id = applyAmmunition(dealer, 100, List.of());
        officer.ok(officer.post("/api/v1/licences/" + id + "/answers",
                answer("IMPORT_AUTHORISATION", "DE", LocalDate.now().plusMonths(2))), 201);

        var res = officer.post("/api/v1/licences/" + id + "/issue", null);

        assertThat(res.getStatusCode().value()).isEqualTo(409);
        assertThat(res.getBody().get("detail").toString()).contains("Reg. (EU) 258/2012 art. 7(4)")
                .contains("after the import authorisation");
        assertThat(licence(officer.get("/api/v1/licences/" + id).getBody()).get("status")).isEqualTo("APPLIED");
    }

    @Test
    void a_sea_shipment_without_transhipment_needs_no_transit_notice() {
        String dealer = dealer(registrar);
        Map<String, Object> app = application(dealer, "US", List.of("IS"), List.of(Map.of("description",
                "cartridges", "quantity", 10)));
        app.put("transport", "SEA");
        String id = (String) licence(officer.ok(officer.post("/api/v1/licences", app), 201)).get("id");
        officer.ok(officer.post("/api/v1/licences/" + id + "/answers",
                answer("IMPORT_AUTHORISATION", "US", LocalDate.now().plusYears(1))), 201);

        Map<String, Object> issued = officer.ok(officer.post("/api/v1/licences/" + id + "/issue", null), 200);

        assertThat(checks(issued)).filteredOn(c -> c.get("name").toString().contains("IS")).singleElement()
                .satisfies(c -> assertThat(c.get("provision")).isEqualTo("Reg. (EU) 258/2012 art. 7(3)"));
    }

    @Test
    void a_transit_state_asked_and_silent_for_twenty_working_days_gives_tacit_consent() {
        String dealer = dealer(registrar);
        String silent = applyAmmunition(dealer, 10, List.of("SE"));
        String recent = applyAmmunition(dealer, 10, List.of("SE"));
        for (String id : List.of(silent, recent)) {
            officer.ok(officer.post("/api/v1/licences/" + id + "/answers",
                    answer("IMPORT_AUTHORISATION", "DE", LocalDate.now().plusYears(1))), 201);
        }
        // the requests as the exchange would have left them: asked of SE's node, no answer yet
        insertPendingTransitRequest(silent, java.time.OffsetDateTime.now().minusDays(40));
        insertPendingTransitRequest(recent, java.time.OffsetDateTime.now().minusDays(2));

        Map<String, Object> issued = officer.ok(officer.post("/api/v1/licences/" + silent + "/issue", null), 200);
        var blocked = officer.post("/api/v1/licences/" + recent + "/issue", null);

        assertThat(checks(issued)).filteredOn(c -> c.get("name").toString().contains("SE")).singleElement()
                .satisfies(c -> {
                    assertThat(c.get("provision")).isEqualTo("Reg. (EU) 258/2012 art. 7(2)");
                    assertThat(c.get("reason").toString()).contains("tacit consent");
                });
        assertThat(blocked.getStatusCode().value()).isEqualTo(409);
        assertThat(blocked.getBody().get("detail").toString()).contains("art. 10(2)(b)");
    }

    void insertPendingTransitRequest(String licence, java.time.OffsetDateTime at) {
        java.util.UUID request = java.util.UUID.randomUUID();
        jdbc.sql("insert into licensing_node_request (id, direction, peer, licence_id, licence_number, kind, country, "
                + "summary, status, created_at) values (?, 'OUT', 'node-se', ?, 'n/a', 'TRANSIT_NO_OBJECTION', 'SE', "
                + "'test', 'PENDING', ?)").params(request, java.util.UUID.fromString(licence), at)
                .update();
        covered(org.ferret.licensing.internal.LicensingCoverage.NODE_REQUEST, request);
    }

    /**
     * A row this test wrote directly to move time (the licensing tables are under record coverage) is covered as if
     * Ferret had written it, so that the audit chain of the shared test database stays intact for other tests.
     */
    void covered(String table, Object... key) {
        tx.executeWithoutResult(s -> coverage.cover(table, key));
    }

    @Test
    void an_application_past_the_decision_deadline_is_on_the_overdue_list() {
        String dealer = dealer(registrar);
        String old = applyAmmunition(dealer, 10, List.of());
        String fresh = applyAmmunition(dealer, 10, List.of());
        jdbc.sql("update licensing_licence set applied_on = ? where id = ?")
                .params(LocalDate.now().minusDays(120), java.util.UUID.fromString(old)).update();
        covered(org.ferret.licensing.internal.LicensingCoverage.LICENCE, java.util.UUID.fromString(old));

        List<Map<String, Object>> overdue = officer.list("/api/v1/licences/overdue");

        assertThat(overdue).extracting(l -> l.get("id")).contains(old).doesNotContain(fresh);
    }

    @Test
    void a_transit_objection_blocks_issue() {
        String dealer = dealer(registrar);
        String id = applyAmmunition(dealer, 10, List.of("PL"));
        officer.ok(officer.post("/api/v1/licences/" + id + "/answers",
                answer("IMPORT_AUTHORISATION", "DE", LocalDate.now().plusYears(1))), 201);
        officer.ok(officer.post("/api/v1/licences/" + id + "/answers", answer("TRANSIT_OBJECTION", "PL", null)), 201);

        var res = officer.post("/api/v1/licences/" + id + "/issue", null);

        assertThat(res.getStatusCode().value()).isEqualTo(409);
        assertThat(res.getBody().get("detail").toString()).contains("PL objects");
    }

    @Test
    void a_usage_report_is_applied_once_and_never_beyond_the_licensed_quantity() {
        String dealer = dealer(registrar);
        String id = issuedAmmunition(dealer, 1000);
        String uri = "/api/v1/licences/" + id + "/usage";
        Map<String, Object> report = Map.of("reportId", unique("CUS"), "line", 1, "quantity", 400, "occurredOn", today());

        var first = officer.post(uri, report);
        var again = officer.post(uri, report);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("applied")).isEqualTo(false);
        assertThat(goods(licence(officer.get("/api/v1/licences/" + id).getBody())).getFirst().get("used")).isEqualTo(400);
        var changed = officer.post(uri, Map.of("reportId", report.get("reportId"), "line", 1, "quantity", 10,
                "occurredOn", today()));
        assertThat(changed.getStatusCode().value()).isEqualTo(409);
        var over = officer.post(uri, Map.of("reportId", unique("CUS"), "line", 1, "quantity", 601, "occurredOn", today()));
        assertThat(over.getStatusCode().value()).isEqualTo(409);
        assertThat(over.getBody().get("errors").toString()).contains("quantity").contains("600 of 1000 left");
        var zero = officer.post(uri, Map.of("reportId", unique("CUS"), "line", 1, "quantity", 0, "occurredOn", today()));
        assertThat(zero.getStatusCode().value()).isEqualTo(400);
        assertThat(goods(licence(officer.get("/api/v1/licences/" + id).getBody())).getFirst().get("used")).isEqualTo(400);
    }

    /** A property over seeded random sequences: no sequence of shipments draws a goods line below zero. */
    @Test
    void no_sequence_of_shipments_draws_a_goods_line_below_zero() {
        String dealer = dealer(registrar);
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            int quantity = 20 + random.nextInt(30);
            String id = issuedAmmunition(dealer, quantity);
            int accepted = 0;
            List<Integer> outcomes = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                int q = 1 + random.nextInt(10);
                var res = officer.post("/api/v1/licences/" + id + "/usage", Map.of("reportId", unique("S" + seed),
                        "line", 1, "quantity", q, "occurredOn", today()));
                outcomes.add(res.getStatusCode().value());
                if (res.getStatusCode().value() == 201) {
                    accepted += q;
                } else {
                    assertThat(res.getStatusCode().value()).as("seed %d", seed).isEqualTo(409);
                    assertThat(accepted + q).as("seed %d: refused only when it would exceed", seed).isGreaterThan(quantity);
                }
                Map<String, Object> l = licence(officer.get("/api/v1/licences/" + id).getBody());
                if ("EXHAUSTED".equals(l.get("status"))) {
                    break;
                }
            }
            Map<String, Object> line = goods(licence(officer.get("/api/v1/licences/" + id).getBody())).getFirst();
            assertThat(line.get("used")).as("seed %d %s", seed, outcomes).isEqualTo(accepted);
            assertThat(accepted).isLessThanOrEqualTo(quantity);
        }
    }

    /** The same property under concurrency: shipments reported at once never draw a line beyond its quantity. */
    @Test
    void shipments_reported_at_once_never_draw_a_goods_line_below_zero() throws Exception {
        String id = issuedAmmunition(dealer(registrar), 50);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sent.add(pool.submit(() -> officer.post("/api/v1/licences/" + id + "/usage", Map.of("reportId",
                    unique("C"), "line", 1, "quantity", 7, "occurredOn", today())).getStatusCode().value()));
        }
        int applied = 0;
        for (var f : sent) {
            int status = f.get();
            assertThat(status).isIn(201, 409);
            applied += status == 201 ? 1 : 0;
        }
        pool.shutdown();
        Map<String, Object> line = goods(licence(officer.get("/api/v1/licences/" + id).getBody())).getFirst();
        assertThat(applied).isEqualTo(7);
        assertThat(line.get("used")).isEqualTo(49);
        assertThat(line.get("quantity")).isEqualTo(50);
    }

    /** Art. 10(4): each shipment awaits its proof of receipt for the receipt period; a confirmed receipt clears it. */
    @Test
    @SuppressWarnings("unchecked")
    void a_shipment_awaits_its_proof_of_receipt_and_is_overdue_after_45_days_until_confirmed() {
        String id = issuedAmmunition(dealer(registrar), 100);
        officer.ok(officer.post("/api/v1/licences/" + id + "/usage", Map.of("reportId", unique("EXIT"), "line", 1,
                "quantity", 30, "occurredOn", today())), 201);
        List<Map<String, Object>> receipts = officer.list("/api/v1/licences/" + id + "/receipts");
        assertThat(receipts).hasSize(1);
        Map<String, Object> r = receipts.getFirst();
        assertThat(r.get("due")).isEqualTo(LocalDate.now().plusDays(45).toString());
        assertThat(r.get("confirmed")).isEqualTo(false);
        String shipment = (String) r.get("drawdownId");

        String day46 = LocalDate.now().plusDays(46).toString();
        assertThat(officer.list("/api/v1/licences/receipts/overdue")).extracting(x -> x.get("drawdownId"))
                .doesNotContain(shipment);
        assertThat(officer.list("/api/v1/licences/receipts/overdue?on=" + LocalDate.now().plusDays(45)))
                .extracting(x -> x.get("drawdownId")).doesNotContain(shipment);
        assertThat(officer.list("/api/v1/licences/receipts/overdue?on=" + day46)).extracting(x -> x.get("drawdownId"))
                .contains(shipment);

        var early = officer.post("/api/v1/licences/" + id + "/receipts", Map.of("reference", "DE-RCPT-1",
                "receivedOn", LocalDate.now().minusDays(1).toString()));
        assertThat(early.getStatusCode().value()).isEqualTo(400);
        assertThat(early.getBody().get("errors").toString()).contains("receivedOn").contains("before the shipment left");
        var unknown = officer.post("/api/v1/licences/" + id + "/receipts", Map.of("drawdown",
                java.util.UUID.randomUUID().toString(), "reference", "DE-RCPT-1", "receivedOn", today()));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().get("errors").toString()).contains("drawdown");
        assertThat(officer.list("/api/v1/licences/" + id + "/receipts").getFirst().get("confirmed")).isEqualTo(false);

        var confirmed = officer.client.post().uri("/api/v1/licences/" + id + "/receipts")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("drawdown", shipment, "reference", "DE-RCPT-1", "receivedOn", today()))
                .retrieve().toEntity(List.class);
        assertThat(confirmed.getStatusCode().value()).isEqualTo(201);
        Map<String, Object> after = (Map<String, Object>) confirmed.getBody().getFirst();
        assertThat(after.get("confirmed")).isEqualTo(true);
        assertThat(after.get("reference")).isEqualTo("DE-RCPT-1");
        assertThat(after.get("source")).isEqualTo("licensing");
        assertThat(officer.list("/api/v1/licences/receipts/overdue?on=" + day46)).extracting(x -> x.get("drawdownId"))
                .doesNotContain(shipment);
        var twice = officer.post("/api/v1/licences/" + id + "/receipts", Map.of("drawdown", shipment,
                "reference", "DE-RCPT-2", "receivedOn", today()));
        assertThat(twice.getStatusCode().value()).isEqualTo(400);
        assertThat(twice.getBody().get("errors").toString()).contains("recorded already");
        assertThat(jdbc.sql("select count(*) from licensing_receipt where drawdown_id = cast(? as uuid)")
                .param(shipment).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void suspension_stops_exports_until_reinstated_and_a_revoked_licence_verifies_as_revoked() {
        String dealer = dealer(registrar);
        String p = pistolHeldBy(registrar, dealer);
        String id = applyItems(dealer, p);
        issue(id, "DE");
        Map<String, Object> l = licence(officer.get("/api/v1/licences/" + id).getBody());
        String number = (String) l.get("number");

        var noReason = officer.post("/api/v1/licences/" + id + "/suspend", Map.of("reason", " "));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody().get("errors").toString()).contains("reason");
        officer.ok(officer.post("/api/v1/licences/" + id + "/suspend", Map.of("reason", "end user under investigation")), 200);
        var blocked = registrar.post("/api/v1/items/" + p + "/events", export(p, "DE", number));
        assertThat(blocked.getStatusCode().value()).isEqualTo(409);
        assertThat(blocked.getBody().get("detail").toString()).contains("suspended");

        officer.ok(officer.post("/api/v1/licences/" + id + "/reinstate", Map.of("reason", "cleared")), 200);
        officer.ok(officer.post("/api/v1/licences/" + id + "/revoke", Map.of("reason", "embargo imposed")), 200);
        assertThat(anonymous.get("/api/v1/licence-verification/" + l.get("verificationCode")).getBody().get("answer"))
                .isEqualTo("REVOKED");
        var reissue = officer.post("/api/v1/licences/" + id + "/issue", null);
        assertThat(reissue.getStatusCode().value()).isEqualTo(409);
        assertThat(reissue.getBody().get("code")).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(reissue.getBody().get("detail").toString()).contains("revoked").doesNotContain("REVOKED");
    }

    @Test
    void the_signed_licence_document_verifies_and_an_altered_one_does_not() {
        String dealer = dealer(registrar);
        String id = issuedAmmunition(dealer, 50);
        Map<String, Object> doc = officer.ok(officer.get("/api/v1/licences/" + id + "/document"), 200);
        assertThat(doc.get("document").toString()).contains("\"countryOfImport\":\"DE\"").contains("\"placeOfIssue\"")
                .contains("\"finalRecipient\"").contains("\"transitCountries\"").contains("\"expiresOn\"");

        Map<String, Object> ok = anonymous.ok(anonymous.post("/api/v1/licence-verification/document",
                Map.of("document", doc.get("document"), "signature", doc.get("signature"))), 200);
        assertThat(ok.get("authentic")).isEqualTo(true);
        assertThat(ok.get("current").toString()).contains("VALID");

        String altered = doc.get("document").toString().replace("\"quantity\":50", "\"quantity\":5000");
        Map<String, Object> bad = anonymous.ok(anonymous.post("/api/v1/licence-verification/document",
                Map.of("document", altered, "signature", doc.get("signature"))), 200);
        assertThat(bad.get("authentic")).isEqualTo(false);
        assertThat(bad.get("reason").toString()).contains("altered or forged");
    }

    @Test
    void an_export_naming_no_licence_is_recorded_and_flagged_for_the_officer() {
        String dealer = dealer(registrar);
        String p = pistolHeldBy(registrar, dealer);

        registrar.ok(registrar.post("/api/v1/items/" + p + "/events", export(p, "NO", null)), 201);

        assertThat(officer.list("/api/v1/licences/unlicensed-exports")).anySatisfy(u -> {
            assertThat(u.get("itemId")).isEqualTo(p);
            assertThat(u.get("country")).isEqualTo("NO");
        });
    }

    @Test
    void only_the_licensing_officer_handles_licences() {
        assertThat(registrar.post("/api/v1/licences", Map.of()).getStatusCode().value()).isEqualTo(403);
        assertThat(registrar.get("/api/v1/licences").getStatusCode().value()).isEqualTo(403);
        assertThat(anonymous.get("/api/v1/licences").getStatusCode().value()).isEqualTo(401);
    }

    // ---- helpers ----

    long count() {
        return jdbc.sql("select count(*) from licensing_licence").query(Long.class).single();
    }

    String applyAmmunition(String dealer, int quantity, List<String> transit) {
        return (String) licence(officer.ok(officer.post("/api/v1/licences", application(dealer, "DE", transit,
                List.of(Map.of("description", "9x19mm cartridges, lot " + unique("L"), "quantity", quantity)))), 201))
                .get("id");
    }

    String applyItems(String dealer, String... items) {
        return (String) licence(officer.ok(officer.post("/api/v1/licences", application(dealer, "DE", List.of(),
                items(items))), 201)).get("id");
    }

    void issue(String id, String country) {
        officer.ok(officer.post("/api/v1/licences/" + id + "/answers",
                answer("IMPORT_AUTHORISATION", country, LocalDate.now().plusYears(1))), 201);
        officer.ok(officer.post("/api/v1/licences/" + id + "/issue", null), 200);
    }

    String issuedAmmunition(String dealer, int quantity) {
        String id = applyAmmunition(dealer, quantity, List.of());
        issue(id, "DE");
        return id;
    }
}
