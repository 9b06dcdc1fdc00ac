package org.ferret.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/** The tracing API end to end: search with explanation, confirmation, the trace workflow, hits, bad input. */
@FerretIntegrationTest
@TestPropertySource(properties = {"ferret.tracing.deadlines.urgent-acknowledge=PT0S",
        "ferret.tracing.deadlines.urgent-answer=PT0S"})
class TracingApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    RestClient as(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth(user, user + "-demo")).build();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> registerStolenPistol(String serial) {
        var registrar = as("registrar");
        Map<String, Object> holder = registrar.post().uri("/api/v1/holders")
                .body(Map.of("type", "PERSON", "role", "OWNER", "name", "Matti Meikäläinen", "licenceNumber", "LIC-77",
                        "country", "FI"))
                .retrieve().body(Map.class);
        Map<String, Object> item = registrar.post().uri("/api/v1/items").body(Map.of(
                "kind", "PISTOL", "manufacturer", "Glock", "model", "17", "calibre", "9x19mm",
                "countryOfManufacture", "AT",
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Glock", "countryOrPlace", "AT",
                        "serialNumber", serial)),
                "initialEvent", Map.of("type", "MANUFACTURE", "occurredOn", "2019-03-01", "country", "AT")))
                .retrieve().body(Map.class);
        String id = (String) item.get("id");
        event(id, Map.of("type", "TRANSFER_OF_POSSESSION", "occurredOn", "2020-05-10", "holderId", holder.get("id")));
        event(id, Map.of("type", "THEFT_REPORTED", "occurredOn", "2023-01-15", "reference", "POL-2023-1"));
        return item;
    }

    void event(String item, Map<String, Object> event) {
        ResponseEntity<Map> r = as("registrar").post().uri("/api/v1/items/" + item + "/events").body(event)
                .retrieve().toEntity(Map.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(String.valueOf(r.getBody())).isTrue();
    }

    /** Index updates arrive through the registry's events after commit: wait for them. */
    static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) {
        long until = System.currentTimeMillis() + 15_000;
        T v = probe.get();
        while (!done.test(v) && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            v = probe.get();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> candidates(ResponseEntity<Map> r) {
        return r.getBody() == null || r.getBody().get("candidates") == null ? List.of()
                : (List<Map<String, Object>>) r.getBody().get("candidates");
    }

    @Test
    @SuppressWarnings("unchecked")
    void finds_a_worn_serial_with_an_unreadable_and_a_confused_character_and_explains_each_position() {
        Map<String, Object> item = registerStolenPistol("BXK-40817");
        var investigator = as("investigator");
        ResponseEntity<Map> r = eventually(() -> investigator.get().uri("/api/v1/markings/search?q=bxk 4?8I7")
                .retrieve().toEntity(Map.class), x -> !candidates(x).isEmpty());
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> c = candidates(r).getFirst();
        assertThat(c.get("itemId")).isEqualTo(item.get("id"));
        assertThat(c.get("serial")).isEqualTo("BXK40817");
        assertThat((Double) c.get("score")).isLessThan(1.0).isGreaterThan(0.5);
        List<Map<String, Object>> explanation = (List<Map<String, Object>>) c.get("explanation");
        assertThat(explanation.get(4)).containsEntry("kind", "UNKNOWN");
        assertThat(explanation.get(6)).containsEntry("kind", "CONFUSION").containsEntry("read", "I").containsEntry("recorded", "1");
        assertThat(explanation.get(0)).containsEntry("kind", "EXACT");
        // the first thing an investigator needs to see: the item is reported stolen
        assertThat(c).containsEntry("status", "REPORTED_STOLEN").containsEntry("statusText", "reported stolen");

        // attribute filters
        assertThat(candidates(investigator.get().uri("/api/v1/markings/search?q=BXK4?8I7&type=RIFLE").retrieve().toEntity(Map.class))).isEmpty();
        assertThat(candidates(investigator.get().uri("/api/v1/markings/search?q=BXK4?8I7&type=firearm&country=at&manufacturer=glock&calibre=9x19 mm")
                .retrieve().toEntity(Map.class))).hasSize(1);
        // components and firearms alike: a run
        assertThat(candidates(investigator.get().uri("/api/v1/markings/search?q=BXK*17").retrieve().toEntity(Map.class)))
                .extracting(m -> m.get("itemId")).contains(item.get("id"));

        // confirmation is recorded and audited
        ResponseEntity<Map> confirmed = investigator.post().uri("/api/v1/markings/confirmations")
                .body(Map.of("itemId", item.get("id"), "pattern", "BXK4?8I7", "serial", "BXK-40817", "decision", "CONFIRMED",
                        "note", "frame serial checked under UV"))
                .retrieve().toEntity(Map.class);
        assertThat(confirmed.getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CANDIDATE_CONFIRMED' and entity_id = ?",
                Long.class, item.get("id"))).isEqualTo(1);
        // a serial the item does not carry cannot be confirmed
        ResponseEntity<Map> wrong = investigator.post().uri("/api/v1/markings/confirmations")
                .body(Map.of("itemId", item.get("id"), "pattern", "X", "serial", "ZZZ999", "decision", "CONFIRMED"))
                .retrieve().toEntity(Map.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody().get("errors").toString()).contains("serial");
    }

    @Test
    void refuses_malformed_patterns_unknown_countries_and_unknown_types_naming_the_parameter() {
        var investigator = as("investigator");
        ResponseEntity<Map> bad = investigator.get().uri("/api/v1/markings/search?q=AB(12").retrieve().toEntity(Map.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(bad.getBody().get("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(bad.getBody().get("errors").toString()).contains("field=q").contains("position 3");

        assertThat(investigator.get().uri("/api/v1/markings/search?q=??1").retrieve().toEntity(Map.class)
                .getBody().get("detail").toString()).contains("at least 3");
        ResponseEntity<Map> country = investigator.get().uri("/api/v1/markings/search?q=ABC123&country=XQ").retrieve().toEntity(Map.class);
        assertThat(country.getStatusCode().value()).isEqualTo(400);
        assertThat(country.getBody().get("errors").toString()).contains("field=country");
        ResponseEntity<Map> type = investigator.get().uri("/api/v1/markings/search?q=ABC123&type=TANK").retrieve().toEntity(Map.class);
        assertThat(type.getBody().get("errors").toString()).contains("field=type");
        // documented in the OpenAPI description
        assertThat(investigator.get().uri("/v3/api-docs").retrieve().body(String.class))
                .contains("/api/v1/markings/search").contains("/api/v1/tracing/requests/{id}/answer");
        // roles: a registrar does not search for investigators
        assertThat(as("registrar").get().uri("/api/v1/markings/search?q=ABC123").retrieve().toEntity(Map.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_theft_reported_after_the_recovery_date_is_in_the_answers_facts_as_well_as_in_its_chain_of_custody() {
        LocalDate today = LocalDate.now();
        var registrar = as("registrar");
        Map<String, Object> item = registrar.post().uri("/api/v1/items").body(Map.of(
                "kind", "PISTOL", "manufacturer", "Glock", "model", "19", "calibre", "9x19mm",
                "countryOfManufacture", "AT",
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Glock", "countryOrPlace", "AT",
                        "serialNumber", "LATE-55120")),
                "initialEvent", Map.of("type", "MANUFACTURE", "occurredOn", "2019-03-01", "country", "AT")))
                .retrieve().body(Map.class);
        String itemId = (String) item.get("id");
        event(itemId, Map.of("type", "THEFT_REPORTED", "occurredOn", today.toString(), "reference", "POL-LATE-1"));
        var investigator = as("investigator");
        eventually(() -> candidates(investigator.get().uri("/api/v1/markings/search?q=LATE55120").retrieve().toEntity(Map.class)),
                l -> !l.isEmpty());
        Map<String, Object> request = traceRequest("LATE-55120", "EE", "ROUTINE");
        request.put("recoveredOn", today.minusDays(2).toString());
        String id = (String) investigator.post().uri("/api/v1/tracing/requests").body(request).retrieve().body(Map.class).get("id");
        investigator.post().uri("/api/v1/tracing/requests/" + id + "/candidates/" + itemId + "/confirm").retrieve().toBodilessEntity();
        Map<String, Object> answer = (Map<String, Object>) investigator.post().uri("/api/v1/tracing/requests/" + id + "/answer")
                .retrieve().body(Map.class).get("answer");

        assertThat((List<Map<String, Object>>) answer.get("chainOfCustody")).extracting(e -> e.get("event"))
                .containsExactly("MANUFACTURE", "THEFT_REPORTED");
        assertThat(answer.get("lossOrTheft").toString()).startsWith("reported stolen").contains("after the recovery");
        assertThat(answer.get("lossOrTheftReportedOn")).isEqualTo(today.toString());
        // the last lawful acquisition is still the one before the recovery
        assertThat(answer.get("lastLawfulAcquisition")).isEqualTo("2019-03-01");
    }

    Map<String, Object> traceRequest(String marking, String country, String urgency) {
        return new java.util.HashMap<>(Map.ofEntries(
                Map.entry("requestingAgency", "Police of Estonia, serious crime unit"),
                Map.entry("requestingCountry", country), Map.entry("caseReference", "EE-2024-118"),
                Map.entry("legalBasis", "Firearms Protocol art. 12(4); ITI para 14"),
                Map.entry("illicitContext", "armed robbery"),
                Map.entry("recoveryCircumstances", "found discarded after a robbery"),
                Map.entry("recoveryPlace", "Tallinn"), Map.entry("recoveredOn", "2024-02-01"),
                Map.entry("markings", List.of(Map.of("marking", marking, "obliterated", true))),
                Map.entry("type", "PISTOL"), Map.entry("make", "Glock"), Map.entry("model", "17"),
                Map.entry("calibre", "9x19mm"), Map.entry("countryOfOrigin", "AT"), Map.entry("urgency", urgency),
                Map.entry("intendedUse", "criminal investigation and prosecution")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_trace_request_proposes_candidates_and_is_answered_with_the_chain_of_custody_and_time_to_crime() {
        Map<String, Object> item = registerStolenPistol("GLK-77310");
        String itemId = (String) item.get("id");
        var investigator = as("investigator");
        eventually(() -> candidates(investigator.get().uri("/api/v1/markings/search?q=GLK77310").retrieve().toEntity(Map.class)),
                l -> !l.isEmpty());

        ResponseEntity<Map> created = investigator.post().uri("/api/v1/tracing/requests")
                .body(traceRequest("GLK-7?31O", "EE", "ROUTINE")).retrieve().toEntity(Map.class);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        Map<String, Object> t = created.getBody();
        String id = (String) t.get("id");
        assertThat(t.get("status")).isEqualTo("RECEIVED");
        assertThat((List<Map<String, Object>>) t.get("candidates")).extracting(c -> c.get("itemId")).contains(itemId);
        // routine: answer due 9 days after receipt
        java.time.Instant received = java.time.Instant.parse((String) t.get("receivedAt"));
        assertThat(java.time.Instant.parse((String) t.get("answerDue"))).isEqualTo(received.plus(9, ChronoUnit.DAYS));

        // not answerable before it is acknowledged
        ResponseEntity<Map> early = investigator.post().uri("/api/v1/tracing/requests/" + id + "/answer").retrieve().toEntity(Map.class);
        assertThat(early.getStatusCode().value()).isEqualTo(409);
        assertThat(early.getBody().get("code")).isEqualTo("ILLEGAL_TRANSITION");

        assertThat(investigator.post().uri("/api/v1/tracing/requests/" + id + "/acknowledge").retrieve().body(Map.class)
                .get("status")).isEqualTo("ACKNOWLEDGED");
        Map<String, Object> identified = investigator.post().uri("/api/v1/tracing/requests/" + id + "/candidates/" + itemId + "/confirm")
                .body(Map.of("note", "serial remnants match under etching")).retrieve().body(Map.class);
        assertThat(identified.get("status")).isEqualTo("IDENTIFIED");
        Map<String, Object> answered = investigator.post().uri("/api/v1/tracing/requests/" + id + "/answer")
                .body(Map.of("remarks", "holder interviewed")).retrieve().body(Map.class);
        assertThat(answered.get("status")).isEqualTo("ANSWERED");
        Map<String, Object> answer = (Map<String, Object>) answered.get("answer");
        assertThat(answer.get("outcome")).isEqualTo("TRACED");
        assertThat((List<Map<String, Object>>) answer.get("chainOfCustody")).extracting(e -> e.get("event"))
                .containsExactly("MANUFACTURE", "TRANSFER_OF_POSSESSION", "THEFT_REPORTED");
        assertThat(answer.get("lastLawfulHolder").toString()).contains("Matti");
        assertThat(answer.get("lastLawfulAcquisition")).isEqualTo("2020-05-10");
        assertThat(answer.get("lossOrTheft")).isEqualTo("reported stolen");
        assertThat(((Number) answer.get("timeToCrimeDays")).longValue())
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2020, 5, 10), LocalDate.of(2024, 2, 1)));
        assertThat(investigator.post().uri("/api/v1/tracing/requests/" + id + "/close").retrieve().body(Map.class)
                .get("status")).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'trace_request' and entity_id = ?",
                Long.class, id)).isGreaterThanOrEqualTo(5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void urgent_requests_past_their_deadline_are_listed_as_overdue() {
        var investigator = as("investigator");
        Map<String, Object> urgent = investigator.post().uri("/api/v1/tracing/requests")
                .body(traceRequest("QQQ-1234", "EE", "URGENT")).retrieve().body(Map.class);
        Map<String, Object> routine = investigator.post().uri("/api/v1/tracing/requests")
                .body(traceRequest("QQQ-5678", "EE", "ROUTINE")).retrieve().body(Map.class);
        List<Map<String, Object>> overdue = investigator.get().uri("/api/v1/tracing/requests/overdue").retrieve().body(List.class);
        assertThat(overdue).extracting(m -> m.get("id")).contains(urgent.get("id")).doesNotContain(routine.get("id"));
    }

    @Test
    void a_trace_request_with_an_unknown_country_or_a_malformed_marking_is_refused_and_nothing_is_written() {
        var investigator = as("investigator");
        long before = jdbc.queryForObject("select count(*) from trace_request", Long.class);
        Map<String, Object> bad = traceRequest("AB(12", "XX", "SOMETIMES");
        bad.put("markings", List.of(Map.of("marking", "AB(12", "obliterated", false)));
        bad.put("urgency", null);
        ResponseEntity<Map> r = investigator.post().uri("/api/v1/tracing/requests").body(bad).retrieve().toEntity(Map.class);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        String errors = r.getBody().get("errors").toString();
        assertThat(errors).contains("requestingCountry").contains("markings[0].marking").contains("urgency");
        assertThat(jdbc.queryForObject("select count(*) from trace_request", Long.class)).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_reading_with_a_character_dropped_or_misread_outside_the_classes_finds_the_serial_and_names_the_edit() {
        Map<String, Object> item = registerStolenPistol("EQT-70315");
        var investigator = as("investigator");
        // one character dropped (the 3), one confused (O for 0) and one unreadable
        ResponseEntity<Map> dropped = eventually(() -> investigator.get().uri("/api/v1/markings/search?q=EQT7O1?")
                .retrieve().toEntity(Map.class), x -> !candidates(x).isEmpty());
        assertThat(dropped.getBody()).containsEntry("edits", true);
        Map<String, Object> c = candidates(dropped).stream().filter(x -> item.get("id").equals(x.get("itemId"))).findFirst()
                .orElseThrow();
        assertThat(c).containsEntry("edits", 1).containsEntry("statusText", "reported stolen");
        assertThat((List<Map<String, Object>>) c.get("explanation"))
                .anySatisfy(p -> assertThat(p).containsEntry("kind", "MISSING").containsEntry("recorded", "3"));
        // F read for E: outside every confusion class, found as a substitution
        Map<String, Object> misread = candidates(investigator.get().uri("/api/v1/markings/search?q=FQT70315")
                .retrieve().toEntity(Map.class)).getFirst();
        assertThat(misread.get("itemId")).isEqualTo(item.get("id"));
        assertThat(misread.get("summary").toString()).contains("pos 1 F read for E");
        // asked for fits of the same length only, neither is found
        assertThat(candidates(investigator.get().uri("/api/v1/markings/search?q=FQT70315&edits=false")
                .retrieve().toEntity(Map.class))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void seizing_an_item_that_matches_a_stolen_record_notifies_the_agency_that_reported_it() {
        Map<String, Object> stolen = registerStolenPistol("HKP-55021");
        var investigator = as("investigator");
        eventually(() -> candidates(investigator.get().uri("/api/v1/markings/search?q=HKP55021").retrieve().toEntity(Map.class)),
                l -> !l.isEmpty());
        // customs seize a pistol whose serial was read with S for 5 and registers it with its seizure
        Map<String, Object> seized = as("registrar").post().uri("/api/v1/items").body(Map.of(
                "kind", "PISTOL", "markings", List.of(Map.of("kind", "AUTHORITY_APPLIED", "serialNumber", "HKP-S5021")),
                "initialEvent", Map.of("type", "SEIZURE", "occurredOn", LocalDate.now().toString(), "place", "Vaalimaa")))
                .retrieve().body(Map.class);
        List<Map<String, Object>> notes = eventually(
                () -> (List<Map<String, Object>>) as("registrar").get().uri("/api/v1/tracing/notifications").retrieve().body(List.class),
                l -> l.stream().anyMatch(n -> stolen.get("id").equals(n.get("itemId"))));
        Map<String, Object> hit = notes.stream().filter(n -> stolen.get("id").equals(n.get("itemId"))).findFirst().orElseThrow();
        assertThat(hit.get("agency")).isEqualTo("NFA");
        assertThat(hit.get("kind")).isEqualTo("STOLEN_ITEM_SEIZED");
        assertThat(hit.get("triggerItem")).isEqualTo(seized.get("id"));

        // the stolen item itself is recovered: notified too, once
        event((String) stolen.get("id"), Map.of("type", "RECOVERY", "occurredOn", LocalDate.now().toString()));
        List<Map<String, Object>> after = eventually(
                () -> (List<Map<String, Object>>) as("admin").get().uri("/api/v1/tracing/notifications").retrieve().body(List.class),
                l -> l.stream().anyMatch(n -> "STOLEN_ITEM_FOUND".equals(n.get("kind"))));
        assertThat(after).filteredOn(n -> "STOLEN_ITEM_FOUND".equals(n.get("kind"))).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_marking_added_later_becomes_searchable_and_leaves_the_search_when_a_correction_withdraws_it() {
        var registrar = as("registrar");
        Map<String, Object> item = registrar.post().uri("/api/v1/items").body(Map.of("kind", "SLIDE", "manufacturer", "CZ",
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "CZ", "countryOrPlace", "CZ",
                        "serialNumber", "SLD-91357")))).retrieve().body(Map.class);
        String id = (String) item.get("id");
        Map<String, Object> marked = registrar.post().uri("/api/v1/items/" + id + "/markings").body(Map.of(
                "kind", "IMPORT", "importCountry", "FI", "importYear", 2024, "serialNumber", "FI-IMP-77421"))
                .retrieve().body(Map.class);
        var investigator = as("investigator");
        assertThat(eventually(() -> candidates(investigator.get().uri("/api/v1/markings/search?q=FIIMP7742?")
                .retrieve().toEntity(Map.class)), l -> !l.isEmpty())).extracting(c -> c.get("itemId")).containsExactly(id);
        Map<String, Object> markingEvent = ((List<Map<String, Object>>) marked.get("history")).stream()
                .filter(e -> "MARKING".equals(e.get("type"))).findFirst().orElseThrow();
        event(id, Map.of("type", "CORRECTION", "occurredOn", LocalDate.now().toString(), "corrects", markingEvent.get("id"),
                "reason", "import marking misread: belongs to another slide"));
        assertThat(eventually(() -> candidates(investigator.get().uri("/api/v1/markings/search?q=FIIMP7742?")
                .retrieve().toEntity(Map.class)), List::isEmpty)).isEmpty();
        // the manufacture serial still matches
        assertThat(candidates(investigator.get().uri("/api/v1/markings/search?q=SLD9I357").retrieve().toEntity(Map.class)))
                .extracting(c -> c.get("itemId")).containsExactly(id);
    }
}
