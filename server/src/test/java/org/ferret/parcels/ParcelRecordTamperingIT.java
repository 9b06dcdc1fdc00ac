package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.audit.RecordCoverageVerifier;
import org.ferret.testsupport.Dba;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tampering with the parcels tables directly in the database, as someone with DBA rights ({@link Dba}: on PostgreSQL
 * past the append-only triggers): an addressee's name changed, a score lowered, a queue removal faked, an outcome
 * deleted and a row inserted are each found by the record coverage and named by table and record.
 */
@FerretIntegrationTest
class ParcelRecordTamperingIT {

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

    List<String> problems() {
        return records.verify().problems().stream().map(RecordCoverageVerifier.Problem::what).toList();
    }

    void assertIntact() {
        assertThat(records.verify().problems()).isEmpty();
    }

    /** An item sent, held by hand, seen by a detector and inspected: a row in every parcels table. */
    UUID inspected() {
        ParcelsApi postal = new ParcelsApi(port, "postal");
        String id = newItemId();
        assertThat(answers(postal.submit(List.of(item(id)))).get(0).get("status")).isEqualTo("ACCEPTED");
        UUID d = jdbc.queryForObject("select id from parcel_declaration where item_id = ?", UUID.class, id);
        ParcelsApi customs = new ParcelsApi(port, "customs");
        if (!jdbc.queryForObject("select in_queue from parcel_decision where declaration_id = ?", Boolean.class, d)) {
            assertThat(customs.post("/api/v1/parcels/queue/" + d + "/add", Map.of("reason", "tamper test")).getStatusCode().is2xxSuccessful()).isTrue();
        }
        assertThat(postal.post("/api/v1/parcels/" + id + "/detections", Map.of("class", "NONE", "confidence", 0.2, "imageRef", "img/1"))
                .getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(new ParcelsApi(port, "inspector").post("/api/v1/parcels/declarations/" + d + "/outcome", Map.of("kind", "NOTHING_FOUND"))
                .getStatusCode().is2xxSuccessful()).isTrue();
        return d;
    }

    @Test
    void intact_parcels_tables_verify_and_each_is_checked() {
        inspected();
        RecordCoverageVerifier.Verification v = records.verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.tables()).contains("parcel_declaration", "parcel_party", "parcel_decision", "parcel_detection",
                "parcel_outcome", "parcel_queue_change");
    }

    @Test
    void an_addressee_renamed_and_a_score_lowered_are_found() {
        UUID d = inspected();
        Dba.of(jdbc).update("update parcel_party set name = 'Someone Else' where declaration_id = ? and party_role = 'ADDRESSEE'", d);
        Double score = jdbc.queryForObject("select score from parcel_decision where declaration_id = ?", Double.class, d);
        Dba.of(jdbc).update("update parcel_decision set score = ? where declaration_id = ?", score / 10, d);
        try {
            List<String> p = problems();
            assertThat(p).anySatisfy(s -> assertThat(s).contains(d.toString()).contains("of parcel_party was altered"));
            assertThat(p).anySatisfy(s -> assertThat(s).contains("row " + d + " of parcel_decision was altered"));
        } finally {
            Dba.of(jdbc).update("update parcel_party set name = 'Matti Meikäläinen' where declaration_id = ? and party_role = 'ADDRESSEE'", d);
            Dba.of(jdbc).update("update parcel_decision set score = ? where declaration_id = ?", score, d);
        }
        assertIntact();
    }

    @Test
    void a_deleted_outcome_and_a_faked_queue_removal_are_found() {
        UUID d = inspected();
        Map<String, Object> outcome = jdbc.queryForMap("select * from parcel_outcome where declaration_id = ?", d);
        Dba.of(jdbc).update("delete from parcel_outcome where declaration_id = ?", d);
        UUID forged = UUID.randomUUID();
        Dba.of(jdbc).update("insert into parcel_queue_change (id, declaration_id, change_kind, reason, changed_by, changed_at) "
                + "values (?, ?, 'REMOVED', 'nobody saw this', 'customs', current_timestamp)", forged, d);
        try {
            List<String> p = problems();
            assertThat(p).anySatisfy(s -> assertThat(s).contains("row " + outcome.get("id") + " of parcel_outcome was deleted"));
            assertThat(p).anySatisfy(s -> assertThat(s)
                    .contains("row " + forged + " of parcel_queue_change is covered by no audit entry: it was inserted directly"));
        } finally {
            Dba.of(jdbc).update("delete from parcel_queue_change where id = ?", forged);
            List<String> cols = new ArrayList<>(outcome.keySet());
            Dba.of(jdbc).update("insert into parcel_outcome (" + String.join(", ", cols) + ") values ("
                    + String.join(", ", cols.stream().map(c -> "?").toList()) + ")", outcome.values().toArray());
        }
        assertIntact();
    }

    @Test
    void on_postgresql_the_parcels_tables_refuse_a_plain_update_or_delete() throws Exception {
        UUID d = inspected();
        boolean postgres;
        try (var c = jdbc.getDataSource().getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        if (postgres) {
            assertThatThrownBy(() -> jdbc.update("update parcel_declaration set site = 'TKU' where id = ?", d))
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("delete from parcel_party where declaration_id = ?", d))
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("update parcel_decision set score = 0 where declaration_id = ?", d))
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        } else {
            // H2 has no triggers (db/vendor/h2/README.md): there the record coverage is what finds such a change
            jdbc.update("update parcel_declaration set site = 'TKU' where id = ?", d);
            assertThat(problems()).anySatisfy(s -> assertThat(s).contains("row " + d + " of parcel_declaration was altered"));
            jdbc.update("update parcel_declaration set site = 'HEL' where id = ?", d);
        }
        assertIntact();
    }
}
