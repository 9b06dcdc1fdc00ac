package org.ferret.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.testsupport.Dba;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.client.RestClient;

/**
 * The tampering cases of issue 9 made directly in the database, by someone with DBA rights ({@link Dba}: on
 * PostgreSQL past the append-only triggers), each found by the record coverage and named by table, record and audit
 * entry. The tail cut with the head moved back and the chain rewritten with recomputed hashes are in
 * {@link CheckpointIT}; here a rewrite that also recomputes the covered records' hashes is caught by the checkpoint.
 */
@FerretIntegrationTest
class RecordTamperingIT {

    /** A context of its own: these tests tamper with rows other tests' verifications would see. */
    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry r) {
        r.add("ferret.audit.checkpoints.interval", () -> "PT3H");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RecordCoverageVerifier records;
    @Autowired
    AuditVerifier chain;
    @Autowired
    CheckpointVerifier checkpoints;
    @Autowired
    RecordHashing hashing;

    RestClient as(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, user + "-demo"))
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> post(String uri, Object body) {
        var res = as("registrar").post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(Map.class);
        Map<String, Object> out = new LinkedHashMap<>(res.getBody() == null ? Map.of() : res.getBody());
        out.put("_status", res.getStatusCode().value());
        return out;
    }

    String pistol() {
        String serial = "TP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> item = post("/api/v1/items", Map.of("kind", "PISTOL", "manufacturer", "Glock", "model", "17",
                "calibre", "9x19mm", "countryOfManufacture", "AT", "yearOfManufacture", 2019, "construction", "POLYMER",
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Glock", "countryOrPlace", "Austria",
                        "serialNumber", serial, "location", "frame right side", "method", "EMBEDDED_METAL_INSERT"))));
        assertThat(item.get("_status")).as(item.toString()).isEqualTo(201);
        return (String) item.get("id");
    }

    void event(String item, String type, String on, Object... more) {
        Map<String, Object> e = new LinkedHashMap<>(Map.of("type", type, "occurredOn", on));
        for (int i = 0; i < more.length; i += 2) {
            e.put((String) more[i], more[i + 1]);
        }
        Map<String, Object> res = post("/api/v1/items/" + item + "/events", e);
        assertThat(res.get("_status")).as(res.toString()).isEqualTo(201);
    }

    UUID eventId(String item, String type) {
        return jdbc.queryForObject("select id from registry_event where item_id = ? and event_type = ?", UUID.class,
                UUID.fromString(item), type);
    }

    List<String> problems() {
        return records.verify().problems().stream().map(RecordCoverageVerifier.Problem::what).toList();
    }

    void assertIntact() {
        RecordCoverageVerifier.Verification v = records.verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.intact()).isTrue();
    }

    @Test
    void an_intact_registry_verifies_and_every_covered_table_is_checked() {
        String item = pistol();
        event(item, "THEFT_REPORTED", "2024-03-01");
        RecordCoverageVerifier.Verification v = records.verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.tables()).contains("registry_item", "registry_marking", "registry_event", "registry_holder");
        assertThat(v.recordsChecked()).isGreaterThanOrEqualTo(3);
        assertThat(v.derivedChecked()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_destruction_changed_into_a_transfer_is_named_with_its_table_record_and_entry() {
        String item = pistol();
        event(item, "DESTRUCTION", "2024-05-02", "destruction",
                Map.of("method", "smelting", "witness", "Insp. Weber", "certificateNumber", "DC-1"));
        UUID destruction = eventId(item, "DESTRUCTION");
        Dba.of(jdbc).update("update registry_event set event_type = 'TRANSFER_OF_POSSESSION' where id = ?", destruction);
        try {
            List<String> p = problems();
            assertThat(p).anySatisfy(s -> assertThat(s).contains("row " + destruction + " of registry_event was altered")
                    .containsPattern("audit entry \\d+ covered"));
            assertThat(p).anySatisfy(s -> assertThat(s).contains("item " + item).contains("destroyed"));
            @SuppressWarnings("unchecked")
            Map<String, Object> api = as("auditor").get().uri("/api/v1/audit/verify").retrieve().body(Map.class);
            assertThat(api.get("intact")).isEqualTo(false);
            assertThat((String) api.get("reason")).contains("registry_event");
        } finally {
            Dba.of(jdbc).update("update registry_event set event_type = 'DESTRUCTION' where id = ?", destruction);
        }
        assertIntact();
    }

    @Test
    void a_deleted_theft_report_is_found_and_the_item_refuses_a_seizure_instead_of_losing_the_theft() {
        String item = pistol();
        event(item, "THEFT_REPORTED", "2024-03-01", "place", "Graz");
        UUID theft = eventId(item, "THEFT_REPORTED");
        Map<String, Object> saved = jdbc.queryForMap("select * from registry_event where id = ?", theft);
        Dba.of(jdbc).update("delete from registry_event where id = ?", theft);
        try {
            List<String> p = problems();
            assertThat(p).anySatisfy(s -> assertThat(s).contains("row " + theft + " of registry_event was deleted"));
            assertThat(p).anySatisfy(s -> assertThat(s).contains("item " + item)
                    .contains("reported stolen").contains("lawful possession"));

            Map<String, Object> seizure = post("/api/v1/items/" + item + "/events",
                    Map.of("type", "SEIZURE", "occurredOn", "2024-06-01", "place", "Vienna"));
            assertThat(seizure.get("_status")).isEqualTo(409);
            assertThat(seizure.get("code")).isEqualTo("HISTORY_INCONSISTENT");
            assertThat((String) seizure.get("detail")).contains("recorded as reported stolen");
            assertThat(jdbc.queryForObject("select count(*) from registry_event where item_id = ?", Long.class,
                    UUID.fromString(item))).isZero();
        } finally {
            List<String> cols = new ArrayList<>(saved.keySet());
            Dba.of(jdbc).update("insert into registry_event (" + String.join(", ", cols) + ") values ("
                    + String.join(", ", cols.stream().map(c -> "?").toList()) + ")", saved.values().toArray());
        }
        assertIntact();
    }

    @Test
    void a_manufacturer_edited_on_the_item_is_found() {
        String item = pistol();
        Dba.of(jdbc).update("update registry_item set manufacturer = 'Walther' where id = ?", UUID.fromString(item));
        try {
            assertThat(problems()).anySatisfy(s -> assertThat(s)
                    .contains("row " + item + " of registry_item was altered"));
        } finally {
            Dba.of(jdbc).update("update registry_item set manufacturer = 'Glock' where id = ?", UUID.fromString(item));
        }
        assertIntact();
    }

    @Test
    void a_row_inserted_directly_is_found_as_covered_by_no_entry() {
        String item = pistol();
        UUID forged = UUID.randomUUID();
        Dba.of(jdbc).update("""
                insert into registry_event (id, item_id, seq, event_type, occurred_on, recorded_at, recorded_by, place)
                values (?, ?, 1, 'RECOVERY', date '2024-01-01', current_timestamp, 'registrar', 'nowhere')""",
                forged, UUID.fromString(item));
        try {
            assertThat(problems()).anySatisfy(s -> assertThat(s)
                    .contains("row " + forged + " of registry_event is covered by no audit entry: it was inserted directly"));
        } finally {
            Dba.of(jdbc).update("delete from registry_event where id = ?", forged);
        }
        assertIntact();
    }

    @Test
    void a_column_added_later_is_covered_and_the_rows_written_before_it_still_verify() {
        String item = pistol();
        jdbc.execute("alter table registry_item add column tamper_test_note varchar(100)");
        try {
            assertIntact();
            Dba.of(jdbc).update("update registry_item set tamper_test_note = 'added' where id = ?", UUID.fromString(item));
            assertThat(problems()).anySatisfy(s -> assertThat(s)
                    .contains("row " + item + " of registry_item was altered"));
            Dba.of(jdbc).update("update registry_item set tamper_test_note = null where id = ?", UUID.fromString(item));
            assertIntact();
        } finally {
            jdbc.execute("alter table registry_item drop column tamper_test_note");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_edit_with_the_coverage_and_the_whole_chain_recomputed_passes_both_but_not_the_checkpoint() {
        String item = pistol();
        var signed = as("auditor").post().uri("/api/v1/audit/checkpoints").retrieve().toEntity(Map.class);
        assertThat(signed.getStatusCode().value()).isEqualTo(201);
        AuditTampering attacker = new AuditTampering(jdbc);
        UUID id = UUID.fromString(item);
        List<Map<String, Object>> savedRecords = jdbc.queryForList(
                "select * from audit_record_all where table_name = 'registry_item' and record_key = ?", item);
        Dba.of(jdbc).update("update registry_item set manufacturer = 'Walther' where id = ?", id);
        try {
            // the attacker knows the hashing: the row's record, its batch's digest, the entry and every later entry
            String[] newHash = {null};
            hashing.hashRows(hashing.table("registry_item"), List.of(List.of(id)), (k, h) -> newHash[0] = h);
            Map<String, Object> rec = savedRecords.getFirst();
            setRecordHash((UUID) rec.get("batch"), ((Number) rec.get("pos")).intValue(), newHash[0]);
            var digest = RecordHashing.digest();
            for (Map<String, Object> r : jdbc.queryForList("select * from audit_record_all where batch = ? order by pos",
                    rec.get("batch"))) {
                String h = (String) r.get("row_hash");
                digest.update(RecordHashing.recordText(((Number) r.get("pos")).intValue(), (String) r.get("table_name"),
                        (String) r.get("record_key"), h == null ? null : h.trim()));
            }
            long seq = jdbc.queryForObject("select seq from audit_log where cover_batch = ?", Long.class, rec.get("batch"));
            Dba.of(jdbc).update("update audit_log set cover_digest = ? where seq = ?",
                    HexFormat.of().formatHex(digest.digest()), seq);
            attacker.rewriteFrom(seq, jdbc.queryForObject("select actor from audit_log where seq = ?", String.class, seq));

            assertThat(chain.verify().intact()).as("the hash chain alone sees nothing").isTrue();
            assertThat(records.verify().problems()).as("nor does the record coverage").isEmpty();
            CheckpointVerifier.Verification v = checkpoints.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("does not match: root differs"));
        } finally {
            attacker.restore();
            for (Map<String, Object> r : savedRecords) {
                setRecordHash((UUID) r.get("batch"), ((Number) r.get("pos")).intValue(), (String) r.get("row_hash"));
            }
            Dba.of(jdbc).update("update registry_item set manufacturer = 'Glock' where id = ?", id);
        }
        assertIntact();
        assertThat(checkpoints.verify().intact()).isTrue();
    }

    /**
     * Sets one coverage record's hash as an attacker would, wherever Ferret stored it: a row of audit_record (H2), or an
     * element of a set of audit_record_set (PostgreSQL, db/vendor/postgresql/V192).
     */
    void setRecordHash(UUID batch, int pos, String hash) {
        int n = Dba.of(jdbc).update("update audit_record set row_hash = ? where batch = ? and pos = ?", hash, batch, pos);
        if (n == 0 && TestDatabase.onPostgres()) {
            n = Dba.of(jdbc).update("""
                    update audit_record_set set row_hashes[? - first_pos + 1] = ?
                    where batch = ? and first_pos <= ? and first_pos + cardinality(row_hashes) > ?""", pos, hash, batch, pos, pos);
        }
        assertThat(n).as("the record at " + batch + "/" + pos).isEqualTo(1);
    }

    /** Writes a forged coverage record as Ferret would have stored it on this database. */
    void insertRecord(UUID batch, int pos, String table, String key, String hash) {
        if (TestDatabase.onPostgres()) {
            Dba.of(jdbc).update("insert into audit_record_set (batch, first_pos, table_name, record_keys, row_hashes)"
                    + " values (?, ?, ?, ?::text[], ?::text[])", batch, pos, table, "{" + key + "}", "{" + hash + "}");
        } else {
            Dba.of(jdbc).update("insert into audit_record (batch, pos, table_name, record_key, row_hash) values (?, ?, ?, ?, ?)",
                    batch, pos, table, key, hash);
        }
    }

    void deleteRecords(UUID batch) {
        Dba.of(jdbc).update("delete from audit_record where batch = ?", batch);
        if (TestDatabase.onPostgres()) {
            Dba.of(jdbc).update("delete from audit_record_set where batch = ?", batch);
        }
    }

    @Test
    void a_coverage_record_altered_is_found_with_the_entry_that_committed_it() {
        String item = pistol();
        Map<String, Object> rec = jdbc.queryForList(
                "select * from audit_record_all where table_name = 'registry_item' and record_key = ? order by pos", item).getFirst();
        UUID batch = (UUID) rec.get("batch");
        int pos = ((Number) rec.get("pos")).intValue();
        long seq = jdbc.queryForObject("select seq from audit_log where cover_batch = ?", Long.class, batch);
        setRecordHash(batch, pos, "0".repeat(64));
        try {
            assertThat(problems()).anySatisfy(s -> assertThat(s).contains("the coverage records committed by entry " + seq
                    + " were altered, removed or added"));
        } finally {
            setRecordHash(batch, pos, ((String) rec.get("row_hash")).trim());
        }
        assertIntact();
    }

    @Test
    void coverage_records_of_no_audit_entry_are_found_and_do_not_cover_the_row_they_name() {
        String item = pistol();
        UUID forgedRow = UUID.randomUUID();
        UUID forgedBatch = UUID.randomUUID();
        Dba.of(jdbc).update("""
                insert into registry_event (id, item_id, seq, event_type, occurred_on, recorded_at, recorded_by, place)
                values (?, ?, 1, 'RECOVERY', date '2024-01-01', current_timestamp, 'registrar', 'nowhere')""",
                forgedRow, UUID.fromString(item));
        String[] hash = {null};
        hashing.hashRows(hashing.table("registry_event"), List.of(List.of(forgedRow)), (k, h) -> hash[0] = h);
        insertRecord(forgedBatch, 1, "registry_event", forgedRow.toString(), hash[0]);
        try {
            assertThat(problems()).anySatisfy(s -> assertThat(s).contains("1 coverage record(s) of batch " + forgedBatch
                    + " belong to no audit entry: they were inserted directly"));
            assertThat(problems()).anySatisfy(s -> assertThat(s).contains("row " + forgedRow
                    + " of registry_event is covered by no audit entry: it was inserted directly"));
        } finally {
            deleteRecords(forgedBatch);
            Dba.of(jdbc).update("delete from registry_event where id = ?", forgedRow);
        }
        assertIntact();
    }

    @Test
    void on_postgresql_records_written_as_rows_before_the_sets_and_sets_verify_side_by_side() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.onPostgres(), "the sets exist on PostgreSQL only");
        String item = pistol();
        UUID batch = jdbc.queryForObject("select batch from audit_record_all where table_name = 'registry_item' and record_key = ? fetch first 1 rows only",
                UUID.class, item);
        List<Map<String, Object>> records = jdbc.queryForList("select * from audit_record_all where batch = ? order by pos", batch);
        assertThat(jdbc.queryForObject("select count(*) from audit_record where batch = ?", Long.class, batch)).isZero();
        // as an upgraded database holds them: this batch's records as the rows of audit_record an earlier version wrote
        deleteRecords(batch);
        for (Map<String, Object> r : records) {
            Dba.of(jdbc).update("insert into audit_record (batch, pos, table_name, record_key, row_hash) values (?, ?, ?, ?, ?)",
                    batch, r.get("pos"), r.get("table_name"), r.get("record_key"), r.get("row_hash"));
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_record_set where batch = ?", Long.class, batch)).isZero();
        assertIntact();
        UUID id = UUID.fromString(item);
        Dba.of(jdbc).update("update registry_item set manufacturer = 'Walther' where id = ?", id);
        try {
            assertThat(problems()).anySatisfy(s -> assertThat(s).contains("row " + item + " of registry_item was altered"));
        } finally {
            Dba.of(jdbc).update("update registry_item set manufacturer = 'Glock' where id = ?", id);
        }
        assertIntact();
    }

    @Test
    void on_postgresql_the_append_only_tables_refuse_update_and_delete_without_dba_rights() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.onPostgres(), "triggers exist on PostgreSQL only");
        String item = pistol();
        event(item, "THEFT_REPORTED", "2024-03-01");
        UUID id = UUID.fromString(item);
        for (String sql : List.of("update registry_event set note = 'x' where item_id = ?",
                "delete from registry_marking where item_id = ?",
                "update registry_item set manufacturer = 'Walther' where id = ?",
                "delete from registry_item where id = ?")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(sql, id)).as(sql)
                    .rootCause().hasMessageContaining("append-only");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from audit_log where seq = 1"))
                .rootCause().hasMessageContaining("append-only");
        // Ferret writes its records to audit_record_set here; audit_record holds those of earlier versions (one forged
        // here, so that there is a row for the trigger to refuse, and taken out again)
        UUID old = UUID.randomUUID();
        jdbc.update("insert into audit_record (batch, pos, table_name, record_key, row_hash) values (?, 1, 'registry_item', ?, null)",
                old, item);
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update audit_record set row_hash = null"))
                    .rootCause().hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from audit_record"))
                    .rootCause().hasMessageContaining("append-only");
        } finally {
            Dba.of(jdbc).update("delete from audit_record where batch = ?", old);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from audit_record_set"))
                .rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update audit_record_set set row_hashes = row_hashes"))
                .rootCause().hasMessageContaining("append-only");
        // the projection is rewritten from the history, so that update is let through
        assertThat(jdbc.update("update registry_item set marking_required = marking_required where id = ?", id)).isEqualTo(1);
        assertIntact();
    }
}
