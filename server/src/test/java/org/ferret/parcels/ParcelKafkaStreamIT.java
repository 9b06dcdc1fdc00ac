package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.KafkaTopics.header;
import static org.ferret.parcels.KafkaTopics.json;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.line;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Declarations in and decisions out over a real Kafka broker (KRaft, the Apache Kafka server in this JVM): the same
 * checks and decisions as the REST API, every bad message in the dead-letter topic with its reason while the
 * consumer goes on, and a redelivered message answered UNCHANGED without a second version.
 */
@FerretIntegrationTest
class ParcelKafkaStreamIT {
    static final String IN = "it.parcels.declarations.POST", OUT = "it.parcels.decisions.POST", DLT = "it.parcels.dead-letter";
    static final KafkaBrokerProcess BROKER = KafkaBrokerProcess.start(3);

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry r) {
        r.add("ferret.parcels.kafka.bootstrap-servers", BROKER::bootstrap);
        r.add("ferret.parcels.kafka.operators.POST.declarations", () -> IN);
        r.add("ferret.parcels.kafka.operators.POST.decisions", () -> OUT);
        r.add("ferret.parcels.kafka.dead-letter-topic", () -> DLT);
        r.add("ferret.parcels.kafka.create-topics", () -> "true");
        r.add("ferret.parcels.kafka.partitions", () -> "3");
        r.add("ferret.parcels.kafka.group-id", () -> "it-stream");
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConcurrentMessageListenerContainer<String, byte[]> container;
    KafkaTopics kafka;

    @BeforeEach
    void open() {
        kafka = new KafkaTopics(BROKER.bootstrap());
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    private List<ConsumerRecord<String, byte[]>> decisionsOf(Set<String> ids, String status, int count) {
        return kafka.await(OUT, r -> ids.contains(r.key()) && status.equals(json(r).get("status")), count);
    }

    private ConsumerRecord<String, byte[]> deadLetter(String key) {
        List<ConsumerRecord<String, byte[]>> found = kafka.await(DLT, r -> key.equals(r.key()), 1);
        assertThat(found).as("a dead letter for " + key).hasSize(1);
        return found.get(0);
    }

    private long stored(String itemId) {
        return jdbc.sql("select count(*) from parcel_declaration where item_id = ?").param(itemId).query(Long.class).single();
    }

    @Test
    void declarations_sent_over_kafka_are_decided_and_their_decisions_published_to_the_operators_topic() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String id = newItemId();
            ids.add(id);
            kafka.sendItem(IN, item(id));
        }
        List<ConsumerRecord<String, byte[]>> decisions = decisionsOf(ids, "ACCEPTED", 20);
        assertThat(decisions).hasSize(20);
        for (ConsumerRecord<String, byte[]> r : decisions) {
            Map<String, Object> d = json(r);
            assertThat(d.get("itemId")).isEqualTo(r.key());
            assertThat(d.get("operator")).isEqualTo("POST");
            assertThat(d.get("version")).isEqualTo(1);
            assertThat(d.get("decision")).isIn("HOLD", "RELEASE");
            assertThat(header(r, "ferret-source-topic")).isEqualTo(IN);
            // what was published is what was stored
            Map<String, Object> row = jdbc.sql("""
                    select d.decision, d.score, p.submitted_by from parcel_decision d join parcel_declaration p on p.id = d.declaration_id
                    where p.item_id = ? and p.operator = 'POST'""").param(r.key()).query().singleRow();
            assertThat(row.get("decision")).isEqualTo(d.get("decision"));
            assertThat(((Number) row.get("score")).doubleValue()).isEqualTo(((Number) d.get("score")).doubleValue());
            assertThat(row.get("submitted_by")).isEqualTo("kafka:POST");
        }
    }

    @Test
    void a_message_that_is_not_json_goes_to_the_dead_letter_topic_with_its_reason_and_the_next_one_is_decided() {
        String key = "not-json-" + System.nanoTime();
        kafka.send(IN, key, "{\"itemId\": \"RR1\", oops".getBytes(StandardCharsets.UTF_8));
        String next = newItemId();
        kafka.sendItem(IN, item(next));
        ConsumerRecord<String, byte[]> dead = deadLetter(key);
        assertThat(header(dead, "ferret-code")).isEqualTo("MALFORMED_REQUEST");
        assertThat(header(dead, "ferret-reason")).startsWith("Malformed JSON at line 1, column");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"itemId\": \"RR1\", oops");
        assertThat(header(dead, "ferret-source-topic")).isEqualTo(IN);
        assertThat(decisionsOf(Set.of(next), "ACCEPTED", 1)).hasSize(1);
    }

    @Test
    void a_message_with_a_bad_field_goes_to_the_dead_letter_topic_naming_the_field_and_nothing_is_stored() {
        String bad = newItemId();
        Map<String, Object> item = item(bad);
        line(item, 0).put("hsCode", "12");
        kafka.sendItem(IN, item);
        Map<String, Object> unknown = item(newItemId());
        unknown.put("colour", "blue");
        kafka.sendItem(IN, unknown);
        String next = newItemId();
        kafka.sendItem(IN, item(next));
        ConsumerRecord<String, byte[]> dead = deadLetter(bad);
        assertThat(header(dead, "ferret-code")).isEqualTo("VALIDATION_FAILED");
        assertThat(header(dead, "ferret-reason")).contains("contents[0].hsCode");
        ConsumerRecord<String, byte[]> dead2 = deadLetter((String) unknown.get("itemId"));
        assertThat(header(dead2, "ferret-reason")).contains("colour");
        assertThat(decisionsOf(Set.of(next), "ACCEPTED", 1)).hasSize(1);
        assertThat(stored(bad)).isZero();
    }

    @Test
    void a_poison_message_that_passes_the_checks_but_fails_in_processing_goes_to_the_dead_letter_topic_and_the_others_of_its_poll_are_decided() {
        // The checks allow 100 content lines of 500 characters; the store keeps at most 20,000 characters of contents
        // (V100): a declaration that passes every check and still cannot be processed.
        String poison = newItemId();
        Map<String, Object> item = item(poison);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> l = new HashMap<>(line(item, 0));
            l.put("description", ("line " + i + " ").repeat(100).substring(0, 500));
            lines.add(l);
        }
        item.put("contents", lines);
        Set<String> good = new HashSet<>();
        String before = newItemId(), after = newItemId();
        good.add(before);
        good.add(after);
        kafka.sendItem(IN, item(before));
        kafka.sendItem(IN, item);
        kafka.sendItem(IN, item(after));
        ConsumerRecord<String, byte[]> dead = deadLetter(poison);
        assertThat(header(dead, "ferret-code")).isEqualTo("PROCESSING_FAILED");
        assertThat(header(dead, "ferret-reason")).startsWith("processing failed: ");
        assertThat(decisionsOf(good, "ACCEPTED", 2)).hasSize(2);
        assertThat(stored(poison)).isZero();
    }

    @Test
    void a_redelivered_message_creates_no_second_version_and_is_answered_unchanged() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String id = newItemId();
            ids.add(id);
            kafka.sendItem(IN, item(id));
        }
        assertThat(decisionsOf(ids, "ACCEPTED", 5)).hasSize(5);
        // the consumer group's offsets go back to the start (as after a crash before the commit): everything again
        container.stop();
        BROKER.withAdmin(admin -> {
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            for (int p = 0; p < 3; p++) zero.put(new TopicPartition(IN, p), new OffsetAndMetadata(0));
            try {
                admin.alterConsumerGroupOffsets("it-stream", zero).all().get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return null;
        });
        container.start();
        List<ConsumerRecord<String, byte[]>> again = decisionsOf(ids, "UNCHANGED", 5);
        assertThat(again).hasSize(5);
        for (String id : ids) {
            assertThat(stored(id)).as(id).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from parcel_decision d join parcel_declaration p on p.id = d.declaration_id where p.item_id = ?")
                    .param(id).query(Long.class).single()).isEqualTo(1);
        }
    }
}
