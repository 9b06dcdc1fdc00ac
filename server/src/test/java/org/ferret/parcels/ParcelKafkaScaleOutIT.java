package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.KafkaTopics.header;
import static org.ferret.parcels.KafkaTopics.json;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ferret.FerretApplication;
import org.ferret.shared.EmbeddedDatabase;
import org.ferret.testsupport.TestDatabase;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Ferret instances on one database in one consumer group (issue 12): one in this JVM, one a separate JVM
 * process. They share the partitions; the separate one is killed with SIGKILL while the stream runs, and the one
 * left takes its partitions over. Every item sent is decided exactly once (one version, one decision), none is lost,
 * and the sites' shared day counters equal the decisions stored.
 */
class ParcelKafkaScaleOutIT {
    static final String IN = "scale.parcels.declarations.POST", OUT = "scale.parcels.decisions.POST", GROUP = "scale-out";
    static final int FIRST = 600, SECOND = 600;

    KafkaBrokerProcess broker;
    Server h2;
    String schema;
    ConfigurableApplicationContext here;
    Process there;

    @AfterEach
    void stopAll() throws Exception {
        if (there != null) there.destroyForcibly().waitFor();
        if (here != null) here.close();
        if (broker != null) broker.close();
        if (h2 != null) h2.stop();
        if (schema != null) {
            try (var c = DriverManager.getConnection(pgUrl(), "postgres", "")) {
                c.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private static String pgUrl() {
        return System.getProperty("ferret.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    /** The database both instances use: a fresh PostgreSQL schema, or an H2 database served over TCP by this JVM. */
    private Map<String, String> database() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (TestDatabase.onPostgres()) {
            schema = "ferret_scale_" + id;
            try (var c = DriverManager.getConnection(pgUrl(), "postgres", "")) {
                c.createStatement().execute("create schema " + schema);
            }
            p.put("spring.datasource.url", pgUrl() + "?currentSchema=" + schema);
            p.put("spring.datasource.username", "postgres");
            p.put("spring.flyway.schemas", schema);
            p.put("spring.flyway.default-schema", schema);
        } else {
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            p.put("spring.datasource.url", "jdbc:h2:tcp://localhost:" + h2.getPort() + "/mem:ferret_scale_" + id + ";" + EmbeddedDatabase.OPTIONS
                    + ";DB_CLOSE_DELAY=-1");
            p.put("spring.datasource.username", "sa");
        }
        p.put("spring.datasource.password", "");
        return p;
    }

    private Map<String, String> instance(Map<String, String> db) {
        Map<String, String> p = new LinkedHashMap<>(db);
        p.put("server.port", "0");
        p.put("ferret.parcels.kafka.bootstrap-servers", broker.bootstrap());
        p.put("ferret.parcels.kafka.operators.POST.declarations", IN);
        p.put("ferret.parcels.kafka.operators.POST.decisions", OUT);
        p.put("ferret.parcels.kafka.dead-letter-topic", "scale.parcels.dead-letter");
        p.put("ferret.parcels.kafka.create-topics", "true");
        p.put("ferret.parcels.kafka.partitions", "6");
        p.put("ferret.parcels.kafka.group-id", GROUP);
        p.put("ferret.parcels.kafka.max-poll-records", "50");
        // a killed member is noticed after the session timeout (the broker's minimum)
        p.put("ferret.parcels.kafka.consumer.session.timeout.ms", "6000");
        p.put("ferret.parcels.kafka.consumer.heartbeat.interval.ms", "1000");
        return p;
    }

    private static String[] args(Map<String, String> p) {
        return p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private int members() {
        return broker.withAdmin(admin -> {
            try {
                return admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).members().size();
            } catch (Exception e) {
                return 0;
            }
        });
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier done, Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("gave up waiting for " + what + " after " + limit);
            Thread.sleep(250);
        }
    }

    @Test
    void two_instances_share_the_partitions_and_when_one_is_killed_the_other_decides_the_rest_each_item_exactly_once() throws Exception {
        broker = KafkaBrokerProcess.start(6);
        Map<String, String> db = database();
        Map<String, String> props = instance(db);
        // this JVM's instance first: it migrates the database and has the demo model ready on disk for the other
        here = new SpringApplicationBuilder(FerretApplication.class).profiles("test").run(args(props));
        JdbcClient jdbc = here.getBean(JdbcClient.class);
        Path log = Files.createTempFile("ferret-scale-out-", ".log");
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx700m",
                "-cp", System.getProperty("java.class.path"), FerretApplication.class.getName(), "--spring.profiles.active=test"));
        cmd.addAll(List.of(args(props)));
        there = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        waitFor("the second instance to join the consumer group (its log: " + log + ")", () -> members() == 2 || !there.isAlive(),
                Duration.ofMinutes(3));
        assertThat(there.isAlive()).as("the second instance runs (its log: " + log + ")").isTrue();
        String other = there.pid() + "@";

        Set<String> sent = new HashSet<>();
        try (KafkaTopics kafka = new KafkaTopics(broker.bootstrap())) {
            for (int i = 0; i < FIRST; i++) {
                Map<String, Object> item = item(newItemId());
                item.put("site", i % 2 == 0 ? "HEL" : "TKU");
                sent.add((String) item.get("itemId"));
                kafka.sendItem(IN, item);
            }
            // the other instance is deciding its share of the partitions: kill it mid-stream
            List<ConsumerRecord<String, byte[]>> byOther = kafka.await(OUT, r -> header(r, "ferret-instance").startsWith(other), 20);
            assertThat(byOther).as("decisions by the second instance before it is killed").hasSizeGreaterThanOrEqualTo(20);
            there.destroyForcibly(); // SIGKILL
            there.waitFor();
            for (int i = 0; i < SECOND; i++) {
                Map<String, Object> item = item(newItemId());
                item.put("site", i % 2 == 0 ? "HEL" : "TKU");
                sent.add((String) item.get("itemId"));
                kafka.sendItem(IN, item);
            }
            int total = FIRST + SECOND;
            waitFor("every item sent to be decided", () -> jdbc.sql("select count(distinct item_id) from parcel_declaration")
                    .query(Long.class).single() >= total, Duration.ofMinutes(3));

            // exactly once in the database: one version and one decision per item, nothing else
            assertThat(jdbc.sql("select count(*) from parcel_declaration").query(Long.class).single()).isEqualTo(total);
            assertThat(jdbc.sql("select count(*) from parcel_decision").query(Long.class).single()).isEqualTo(total);
            assertThat(new HashSet<>(jdbc.sql("select item_id from parcel_declaration").query(String.class).list())).isEqualTo(sent);
            // none lost on the decisions topic: each item has its decision there (a redelivered one may come again, UNCHANGED)
            assertThat(kafka.await(OUT, r -> sent.contains(r.key()), total)).hasSizeGreaterThanOrEqualTo(total);
            Map<String, List<String>> statuses = new HashMap<>();
            Map<String, Set<String>> answers = new HashMap<>();
            Map<Integer, Set<String>> instancesByPartition = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : kafka.readAll(OUT)) {
                if (!sent.contains(r.key())) continue;
                Map<String, Object> d = json(r);
                statuses.computeIfAbsent(r.key(), k -> new ArrayList<>()).add((String) d.get("status"));
                answers.computeIfAbsent(r.key(), k -> new HashSet<>()).add(d.get("version") + " " + d.get("decision"));
                instancesByPartition.computeIfAbsent(Integer.valueOf(header(r, "ferret-source-partition")), k -> new HashSet<>())
                        .add(header(r, "ferret-instance"));
            }
            assertThat(statuses.keySet()).isEqualTo(sent);
            // at most one ACCEPTED per item; a redelivered one is UNCHANGED. An item whose decision the killed instance
            // stored but had not yet sent is answered UNCHANGED only, after redelivery: never lost, never decided twice.
            statuses.forEach((id, s) -> assertThat(s.stream().filter("ACCEPTED"::equals).count()).as(id + " " + s).isLessThanOrEqualTo(1));
            statuses.forEach((id, s) -> assertThat(s).as(id).allMatch(x -> x.equals("ACCEPTED") || x.equals("UNCHANGED")));
            // every message about an item says the same: version 1 and the one stored decision
            answers.forEach((id, a) -> {
                String stored = jdbc.sql("select d.decision from parcel_decision d join parcel_declaration p on p.id = d.declaration_id where p.item_id = ?")
                        .param(id).query(String.class).single();
                assertThat(a).as(id).containsExactly("1 " + stored);
            });
            // this instance took over: some partition was decided by both, first by the killed one, then by this one
            assertThat(instancesByPartition.values()).anySatisfy(who -> assertThat(who).hasSize(2));
        }
        // the shared day counters are the sum of both instances' decisions, not either's alone
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String site : List.of("HEL", "TKU")) {
            long decided = jdbc.sql("select count(*) from parcel_decision where site = ? and screening_day = ?").params(site, today)
                    .query(Long.class).single();
            Map<String, Object> counters = jdbc.sql("select arrivals, holds_risk + holds_critical + holds_exploration as holds from parcel_site_day where site = ? and screening_day = ?")
                    .params(site, today).query().singleRow();
            assertThat(((Number) counters.get("arrivals")).longValue()).as(site).isEqualTo(decided);
            long held = jdbc.sql("select count(*) from parcel_decision where site = ? and screening_day = ? and picked_by in ('SCORE','CRITICAL','EXPLORATION')")
                    .params(site, today).query(Long.class).single();
            assertThat(((Number) counters.get("holds")).longValue()).as(site).isEqualTo(held);
            int capacity = site.equals("HEL") ? 20 : 10;
            assertThat(held).as("holds by capacity at " + site + " (both instances together)").isLessThanOrEqualTo(capacity);
        }
        new File(log.toString()).delete();
    }
}
