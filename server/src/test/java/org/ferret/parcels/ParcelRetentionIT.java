package org.ferret.parcels;

import org.ferret.testsupport.HandClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.audit.RecordCoverageVerifier;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention of parcels' advance data on a clock the test moves: items never inspected (released, released by hand
 * and held but not inspected) go with their personal data 90 days after their last decision or queue change; an item
 * with a seizure, one inspected with nothing found and a younger one stay; the purge is audited and releases the
 * rows from the record coverage, so the audit chain still verifies.
 */
@FerretIntegrationTest
@Import(HandClock.Config.class)
class ParcelRetentionIT {


    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HandClock clock;
    @Autowired
    RecordCoverageVerifier records;
    @Autowired
    javax.sql.DataSource dataSource;

    UUID declaration(String itemId) {
        return jdbc.sql("select id from parcel_declaration where item_id = ?").param(itemId).query(UUID.class).single();
    }

    boolean inQueue(UUID declaration) {
        return jdbc.sql("select in_queue from parcel_decision where declaration_id = ?").param(declaration).query(Boolean.class).single();
    }

    long rows(String table, String column, UUID declaration) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?").param(declaration).query(Long.class).single();
    }

    /** An item sent now and put where the test wants it: in the queue or out of it. */
    UUID sent(ParcelsApi postal, ParcelsApi customs, boolean held) {
        String id = newItemId();
        var res = postal.submit(List.of(item(id)));
        assertThat(answers(res).get(0).get("status")).as(res.toString()).isEqualTo("ACCEPTED");
        UUID d = declaration(id);
        if (held && !inQueue(d)) {
            assertThat(customs.post("/api/v1/parcels/queue/" + d + "/add", Map.of("reason", "retention test")).getStatusCode().is2xxSuccessful()).isTrue();
        } else if (!held && inQueue(d)) {
            assertThat(customs.post("/api/v1/parcels/queue/" + d + "/remove", Map.of("reason", "retention test")).getStatusCode().is2xxSuccessful()).isTrue();
        }
        assertThat(inQueue(d)).isEqualTo(held);
        return d;
    }

    @Test
    void items_never_inspected_go_with_their_personal_data_after_90_days_and_inspected_ones_stay() {
        ParcelsApi postal = new ParcelsApi(port, "postal");
        ParcelsApi customs = new ParcelsApi(port, "customs");
        ParcelsApi inspector = new ParcelsApi(port, "inspector");
        ParcelsApi admin = new ParcelsApi(port, "admin");
        Instant start = clock.now;

        UUID released = sent(postal, customs, false);
        UUID heldNotInspected = sent(postal, customs, true);
        UUID seized = sent(postal, customs, true);
        var outcome = inspector.post("/api/v1/parcels/declarations/" + seized + "/outcome",
                Map.of("kind", "ESSENTIAL_COMPONENT", "itemKind", "SLIDE", "construction", "ADDITIVELY_MANUFACTURED", "marked", false));
        assertThat(outcome.getStatusCode().is2xxSuccessful()).as(outcome.toString()).isTrue();
        UUID nothingFound = sent(postal, customs, true);
        assertThat(inspector.post("/api/v1/parcels/declarations/" + nothingFound + "/outcome", Map.of("kind", "NOTHING_FOUND"))
                .getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(rows("parcel_party", "declaration_id", released)).isEqualTo(2);

        clock.now = start.plus(Duration.ofDays(80));
        UUID young = sent(postal, customs, false);

        // 89 days on: nothing is old enough
        clock.now = start.plus(Duration.ofDays(89));
        var early = admin.post("/api/v1/parcels/retention/purge", null);
        assertThat(early.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(((Number) early.getBody().get("purgedItems")).intValue()).isZero();
        assertThat(rows("parcel_declaration", "id", released)).isEqualTo(1);

        // a postal operator may not purge
        assertThat(postal.post("/api/v1/parcels/retention/purge", null).getStatusCode().value()).isEqualTo(403);

        Map<String, Object> releasedRow = jdbc.sql("select * from parcel_declaration where id = ?").param(released).query().singleRow();
        clock.now = start.plus(Duration.ofDays(91));
        var res = admin.post("/api/v1/parcels/retention/purge", null);

        assertThat(res.getStatusCode().value()).as(res.toString()).isEqualTo(200);
        assertThat(((Number) res.getBody().get("retentionDays")).intValue()).isEqualTo(90);
        assertThat(((Number) res.getBody().get("purgedItems")).intValue()).isGreaterThanOrEqualTo(2);
        for (UUID gone : List.of(released, heldNotInspected)) {
            assertThat(rows("parcel_declaration", "id", gone)).as("declaration %s", gone).isZero();
            assertThat(rows("parcel_party", "declaration_id", gone)).as("parties of %s", gone).isZero();
            assertThat(rows("parcel_decision", "declaration_id", gone)).isZero();
            assertThat(rows("parcel_queue_change", "declaration_id", gone)).isZero();
        }
        for (UUID kept : List.of(seized, nothingFound, young)) {
            assertThat(rows("parcel_declaration", "id", kept)).as("declaration %s", kept).isEqualTo(1);
            assertThat(rows("parcel_party", "declaration_id", kept)).isEqualTo(2);
            assertThat(rows("parcel_decision", "declaration_id", kept)).isEqualTo(1);
        }
        assertThat(rows("parcel_outcome", "declaration_id", seized)).isEqualTo(1);

        @SuppressWarnings("unchecked")
        List<String> jobs = (List<String>) res.getBody().get("jobs");
        assertThat(jobs).isNotEmpty();
        String after = jdbc.sql("select after_json from audit_log where action = 'PARCELS_RETENTION_PURGE' and entity_id = ?")
                .param(jobs.get(0)).query(String.class).single();
        assertThat(after).contains(released.toString()).contains(heldNotInspected.toString()).doesNotContain(seized.toString())
                .contains("retentionDays");

        // the purge released what it deleted: the record coverage still verifies
        assertThat(records.verify().problems()).isEmpty();
        // and a purged row put back in the database is not covered by the record that released it
        var dba = org.ferret.testsupport.Dba.of(dataSource);
        List<String> cols = List.copyOf(releasedRow.keySet());
        dba.update("insert into parcel_declaration (" + String.join(", ", cols) + ") values ("
                + String.join(", ", cols.stream().map(c -> "?").toList()) + ")", releasedRow.values().toArray());
        try {
            assertThat(records.verify().problems()).anySatisfy(p -> assertThat(p.what()).contains("row " + released
                    + " of parcel_declaration is covered by no audit entry (entry ").contains(" released it): it was inserted directly"));
        } finally {
            dba.update("delete from parcel_declaration where id = ?", released);
        }
        assertThat(records.verify().problems()).isEmpty();

        // run again: nothing more
        assertThat(((Number) admin.post("/api/v1/parcels/retention/purge", null).getBody().get("purgedItems")).intValue()).isZero();
        var period = admin.get("/api/v1/parcels/retention");
        assertThat(period.getBody()).containsEntry("retentionDays", 90);
    }
}
