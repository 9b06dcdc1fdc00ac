package org.ferret.parcels.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ferret.parcels.ParcelScreening;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.ObjectMapper;

/**
 * Kafka for operators that send at volume (issue 12): only with {@code ferret.parcels.kafka.bootstrap-servers} set.
 * One consumer group for all instances of a deployment; each poll is decided by {@link DeclarationStreamListener}
 * and its offsets committed after its answers are on the broker (at least once; the service makes a redelivery
 * UNCHANGED). A failure that is not the message's fault is retried every second, for as long as it lasts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ferret.parcels.kafka", name = "bootstrap-servers")
@EnableConfigurationProperties(KafkaStreamProperties.class)
class KafkaStreamConfiguration {

    @Bean
    KafkaTemplate<String, byte[]> parcelsKafkaTemplate(KafkaStreamProperties p) {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, p.getBootstrapServers());
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // no wait for more answers to batch: a poll's answers are sent together anyway, and each poll waits for its
        // answers' acknowledgement before its offsets are committed, so a linger is added to every message's latency
        // (docs/benchmarks.md, Kafka, "the latency floor"); under load the producer still batches what accumulates
        c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        c.putAll(p.getProducer());
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(c, new StringSerializer(), new ByteArraySerializer()));
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> parcelsDeclarationContainer(KafkaStreamProperties p, ParcelScreening screening,
            KafkaTemplate<String, byte[]> parcelsKafkaTemplate, ObjectMapper json, ObjectProvider<MeterRegistry> meters) {
        if (p.getOperators().isEmpty()) {
            throw new IllegalStateException("ferret.parcels.kafka.bootstrap-servers is set but no operator is: "
                    + "set ferret.parcels.kafka.operators.<OPERATOR>.declarations (and .decisions) for each operator that sends over Kafka");
        }
        List<String> topics = p.getOperators().keySet().stream().map(p::declarationsTopic).toList();
        if (p.isCreateTopics()) createTopics(p);
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, p.getBootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, p.getGroupId());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, p.getMaxPollRecords());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.putAll(p.getConsumer());
        var factory = new DefaultKafkaConsumerFactory<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        ContainerProperties cp = new ContainerProperties(topics.toArray(String[]::new));
        cp.setAckMode(ContainerProperties.AckMode.BATCH);
        cp.setSyncCommits(p.isSyncCommits());
        cp.setMessageListener(new DeclarationStreamListener(screening, parcelsKafkaTemplate, p, json,
                meters.getIfAvailable(SimpleMeterRegistry::new)));
        var container = new ConcurrentMessageListenerContainer<>(factory, cp);
        container.setConcurrency(p.getConcurrency());
        container.setBeanName("parcels-declarations");
        container.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1000L, FixedBackOff.UNLIMITED_ATTEMPTS)));
        return container;
    }

    private static void createTopics(KafkaStreamProperties p) {
        List<NewTopic> wanted = new ArrayList<>();
        for (String op : p.getOperators().keySet()) {
            wanted.add(new NewTopic(p.declarationsTopic(op), p.getPartitions(), p.getReplicationFactor()));
            wanted.add(new NewTopic(p.decisionsTopic(op), p.getPartitions(), p.getReplicationFactor()));
        }
        wanted.add(new NewTopic(p.getDeadLetterTopic(), p.getPartitions(), p.getReplicationFactor()));
        Map<String, Object> c = new HashMap<>();
        c.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, p.getBootstrapServers());
        p.getConsumer().forEach((k, v) -> {
            if (k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl.")) c.put(k, v);
        });
        try (Admin admin = Admin.create(c)) {
            for (NewTopic t : wanted) {
                try {
                    admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + t.name() + ": " + e.getCause(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the brokers at " + p.getBootstrapServers() + " did not answer within 30 s", e);
        }
    }
}
