package org.ferret.parcels.stream;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Declarations in and decisions out over Apache Kafka ({@code ferret.parcels.kafka.*}; docs/operations.md). Off
 * unless {@code bootstrap-servers} is set: the server then runs without a broker, as before.
 */
@ConfigurationProperties("ferret.parcels.kafka")
public class KafkaStreamProperties {
    /** The brokers, e.g. {@code kafka1:9092,kafka2:9092}; empty: no Kafka. */
    private String bootstrapServers;
    /** The consumer group every Ferret instance of one deployment shares (they split the partitions). */
    private String groupId = "ferret-parcels";
    /** Operators that send over Kafka: operator code (the declarations' operator) to its topics. */
    private Map<String, Topics> operators = new LinkedHashMap<>();
    /** Where a message that fails its checks or its processing goes, with the reason in headers. */
    private String deadLetterTopic = "parcels.declarations.dead-letter";
    /** Consumer threads per instance (each takes a share of the partitions). */
    private int concurrency = 1;
    /** Most records one poll hands to the service (they are decided in batches of at most ferret.parcels.max-batch). */
    private int maxPollRecords = 500;
    /**
     * Commit a poll's offsets synchronously (the next poll waits for the broker's answer) or not (the commit goes with
     * the next poll; a commit lost to a crash only makes the poll delivered again, answered UNCHANGED).
     */
    private boolean syncCommits = true;
    /** Create the topics on start (partitions, replication factor below); in production the topics are usually made by the broker's operators. */
    private boolean createTopics;
    private int partitions = 6;
    private short replicationFactor = 1;
    /** Further Kafka client settings for the consumer (e.g. security.protocol, session.timeout.ms). */
    private Map<String, String> consumer = new LinkedHashMap<>();
    /** Further Kafka client settings for the producer of decisions and dead letters. */
    private Map<String, String> producer = new LinkedHashMap<>();

    /** An operator's two topics. */
    public static class Topics {
        /** Its declarations, one item (JSON object as in the REST API) per message, keyed by item id. */
        private String declarations;
        /** Ferret's decision for each item it took from the declarations topic. */
        private String decisions;

        public String getDeclarations() { return declarations; }
        public void setDeclarations(String declarations) { this.declarations = declarations; }
        public String getDecisions() { return decisions; }
        public void setDecisions(String decisions) { this.decisions = decisions; }
    }

    /** The declarations topic of an operator: as configured, else {@code parcels.declarations.<OPERATOR>}. */
    public String declarationsTopic(String operator) {
        Topics t = operators.get(operator);
        return t != null && t.declarations != null && !t.declarations.isBlank() ? t.declarations : "parcels.declarations." + operator;
    }

    /** The decisions topic of an operator: as configured, else {@code parcels.decisions.<OPERATOR>}. */
    public String decisionsTopic(String operator) {
        Topics t = operators.get(operator);
        return t != null && t.decisions != null && !t.decisions.isBlank() ? t.decisions : "parcels.decisions." + operator;
    }

    public String getBootstrapServers() { return bootstrapServers; }
    public void setBootstrapServers(String bootstrapServers) { this.bootstrapServers = bootstrapServers; }
    public String getGroupId() { return groupId; }
    public void setGroupId(String groupId) { this.groupId = groupId; }
    public Map<String, Topics> getOperators() { return operators; }
    public void setOperators(Map<String, Topics> operators) { this.operators = operators; }
    public String getDeadLetterTopic() { return deadLetterTopic; }
    public void setDeadLetterTopic(String deadLetterTopic) { this.deadLetterTopic = deadLetterTopic; }
    public int getConcurrency() { return concurrency; }
    public void setConcurrency(int concurrency) { this.concurrency = concurrency; }
    public int getMaxPollRecords() { return maxPollRecords; }
    public void setMaxPollRecords(int maxPollRecords) { this.maxPollRecords = maxPollRecords; }
    public boolean isSyncCommits() { return syncCommits; }
    public void setSyncCommits(boolean syncCommits) { this.syncCommits = syncCommits; }
    public boolean isCreateTopics() { return createTopics; }
    public void setCreateTopics(boolean createTopics) { this.createTopics = createTopics; }
    public int getPartitions() { return partitions; }
    public void setPartitions(int partitions) { this.partitions = partitions; }
    public short getReplicationFactor() { return replicationFactor; }
    public void setReplicationFactor(short replicationFactor) { this.replicationFactor = replicationFactor; }
    public Map<String, String> getConsumer() { return consumer; }
    public void setConsumer(Map<String, String> consumer) { this.consumer = consumer; }
    public Map<String, String> getProducer() { return producer; }
    public void setProducer(Map<String, String> producer) { this.producer = producer; }
}
