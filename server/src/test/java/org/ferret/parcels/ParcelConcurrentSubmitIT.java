package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ferret.audit.RecordCoverageVerifier;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Batches submitted at the same time (as several Kafka consumer threads or REST clients do, now that the service
 * decides batches in parallel): every item decided once, and the site's shared day counters (the online selection's
 * budget, {@code parcel_site_day}) count every arrival and every hold, none lost to a concurrent batch.
 */
@FerretIntegrationTest
class ParcelConcurrentSubmitIT {
    /** A site of its own, so that the counters and decisions seen are this test's alone. */
    static final String SITE = "CONC";

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry r) {
        r.add("ferret.parcels.sites." + SITE, () -> "40");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordCoverageVerifier records;

    @Test
    void batches_submitted_at_once_are_each_decided_and_the_site_day_counters_count_every_one() throws Exception {
        int threads = 4, batches = 6, perBatch = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Map<String, Object>>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    ParcelsApi postal = new ParcelsApi(port, "postal");
                    List<Map<String, Object>> all = new ArrayList<>();
                    go.await();
                    for (int b = 0; b < batches; b++) {
                        List<Map<String, Object>> items = new ArrayList<>();
                        for (int i = 0; i < perBatch; i++) {
                            Map<String, Object> m = item(newItemId());
                            m.put("site", SITE);
                            items.add(m);
                        }
                        all.addAll(answers(postal.submit(items)));
                    }
                    return all;
                }));
            }
            go.countDown();
            List<Map<String, Object>> answered = new ArrayList<>();
            for (Future<List<Map<String, Object>>> f : results) answered.addAll(f.get());
            assertThat(answered).hasSize(threads * batches * perBatch).allSatisfy(a -> assertThat(a.get("status")).isEqualTo("ACCEPTED"));
        } finally {
            pool.shutdownNow();
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long decided = jdbc.sql("select count(*) from parcel_decision where site = ? and screening_day = ?").params(SITE, today)
                .query(Long.class).single();
        assertThat(decided).isEqualTo(threads * batches * perBatch);
        Map<String, Object> counters = jdbc.sql("""
                select arrivals, holds_risk, holds_critical, holds_exploration, holds_mandatory from parcel_site_day
                where site = ? and screening_day = ?""").params(SITE, today).query().singleRow();
        assertThat(((Number) counters.get("arrivals")).longValue()).isEqualTo(decided);
        Map<String, Long> held = new java.util.HashMap<>();
        jdbc.sql("select picked_by, count(*) from parcel_decision where site = ? and screening_day = ? and decision = 'HOLD' group by picked_by")
                .params(SITE, today).query(rs -> {
                    held.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(((Number) counters.get("holds_risk")).longValue()).isEqualTo(held.getOrDefault("SCORE", 0L));
        assertThat(((Number) counters.get("holds_critical")).longValue()).isEqualTo(held.getOrDefault("CRITICAL", 0L));
        assertThat(((Number) counters.get("holds_exploration")).longValue()).isEqualTo(held.getOrDefault("EXPLORATION", 0L));
        assertThat(((Number) counters.get("holds_mandatory")).longValue()).isEqualTo(held.getOrDefault("RULE", 0L));
        // the risk share of the site's capacity is kept however the batches interleaved
        assertThat(held.getOrDefault("SCORE", 0L)).isLessThanOrEqualTo(40);
        assertThat(records.verify().problems()).isEmpty();
    }
}
