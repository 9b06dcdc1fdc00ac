package org.ferret.parcels.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.ferret.parcels.BatchAnswer;
import org.ferret.parcels.ItemAnswer;
import org.ferret.parcels.ParcelScreening;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.support.SendResult;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Takes the declarations of one poll (one item per message, the REST API's item JSON) through
 * {@link ParcelScreening#submit}, the same checks and decisions as {@code POST /api/v1/parcels/declarations}, and
 * answers each message: its decision to the operator's decisions topic, or the message itself to the dead-letter
 * topic with the reason (not JSON, a bad field, or processing that failed for this message: poison). A failure
 * that is not the message's fault (the database unreachable, a lock conflict) is thrown, so the container seeks
 * back and the poll is delivered again; offsets are committed only after every answer of the poll is written.
 * A message delivered again is answered UNCHANGED by the service (same operator, item and content): no duplicate.
 */
final class DeclarationStreamListener implements BatchMessageListener<String, byte[]> {
    private static final Logger log = LoggerFactory.getLogger(DeclarationStreamListener.class);

    /** Header names of a dead letter (and of a decision: the source). */
    static final String REASON = "ferret-reason", CODE = "ferret-code", OPERATOR = "ferret-operator",
            SOURCE_TOPIC = "ferret-source-topic", SOURCE_PARTITION = "ferret-source-partition", SOURCE_OFFSET = "ferret-source-offset",
            INSTANCE = "ferret-instance";
    /** This process (pid@host): which instance decided, for operations and the scale-out test. */
    static final String THIS_INSTANCE = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();

    private final ParcelScreening screening;
    private final KafkaTemplate<String, byte[]> producer;
    private final KafkaStreamProperties properties;
    private final ObjectMapper json;
    private final Map<String, String> operatorByTopic = new HashMap<>();
    private final Counter decided, deadLettered;
    private final Timer arrivalToDecision, arrivalToPoll, pollTime, submitTime;
    private final io.micrometer.core.instrument.DistributionSummary pollRecords;

    DeclarationStreamListener(ParcelScreening screening, KafkaTemplate<String, byte[]> producer, KafkaStreamProperties properties,
            ObjectMapper json, MeterRegistry meters) {
        this.screening = screening;
        this.producer = producer;
        this.properties = properties;
        this.json = json;
        properties.getOperators().keySet().forEach(op -> operatorByTopic.put(properties.declarationsTopic(op), op));
        this.decided = Counter.builder("ferret.parcels.kafka.decisions").description("decisions published to operators' topics").register(meters);
        this.deadLettered = Counter.builder("ferret.parcels.kafka.dead.letters").description("messages sent to the dead-letter topic").register(meters);
        this.arrivalToDecision = Timer.builder("ferret.parcels.kafka.arrival.to.decision")
                .description("from the message's timestamp to its decision being sent").publishPercentiles(0.5, 0.99).register(meters);
        // where the arrival-to-decision time goes (docs/operations.md, "Kafka"): waiting to be polled, then the poll's work
        this.arrivalToPoll = Timer.builder("ferret.parcels.kafka.arrival.to.poll")
                .description("from the message's timestamp to the poll that hands it to Ferret").publishPercentiles(0.5, 0.99).register(meters);
        this.pollTime = Timer.builder("ferret.parcels.kafka.poll.time")
                .description("one poll's work: deciding its messages and waiting for the broker to take every answer").publishPercentiles(0.5, 0.99)
                .register(meters);
        this.submitTime = Timer.builder("ferret.parcels.kafka.submit.time")
                .description("one batch through the screening service (its transaction, commit included)").publishPercentiles(0.5, 0.99)
                .register(meters);
        this.pollRecords = io.micrometer.core.instrument.DistributionSummary.builder("ferret.parcels.kafka.poll.records")
                .description("messages per poll").register(meters);
    }

    /** A message that passed the JSON step, waiting for its decision. */
    private record Pending(ConsumerRecord<String, byte[]> record, String operator, JsonNode item, String itemId) {}

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        long start = System.nanoTime(), polledAt = System.currentTimeMillis();
        pollRecords.record(records.size());
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.timestamp() > 0) arrivalToPoll.record(Math.max(0, polledAt - r.timestamp()), TimeUnit.MILLISECONDS);
        }
        List<CompletableFuture<SendResult<String, byte[]>>> sent = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            String operator = operatorByTopic.get(r.topic());
            JsonNode item;
            try {
                item = r.value() == null ? null : json.readTree(r.value());
            } catch (JacksonException e) {
                String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
                sent.add(deadLetter(r, operator, "MALFORMED_REQUEST", "Malformed JSON" + where + ": " + e.getOriginalMessage()));
                continue;
            }
            if (item == null || !item.isObject()) {
                sent.add(deadLetter(r, operator, "VALIDATION_FAILED", "expected one item, a JSON object (as an element of the REST API's items)"));
                continue;
            }
            JsonNode id = item.get("itemId");
            String itemId = id != null && id.isString() ? id.stringValue().strip().toUpperCase(Locale.ROOT) : null;
            pending.add(new Pending(r, operator, item, itemId));
        }
        for (List<Pending> chunk : chunks(pending)) {
            decide(chunk, sent);
        }
        await(sent);
        pollTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /**
     * Consecutive messages of one operator with distinct item ids, at most a batch: the service refuses an item id
     * twice in one batch, and a correction must be decided after the version it corrects.
     */
    private List<List<Pending>> chunks(List<Pending> pending) {
        List<List<Pending>> out = new ArrayList<>();
        List<Pending> current = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Pending p : pending) {
            boolean split = !current.isEmpty() && (!current.get(0).operator().equals(p.operator())
                    || (p.itemId() != null && ids.contains(p.itemId())) || current.size() >= screening.maxBatch());
            if (split) {
                out.add(current);
                current = new ArrayList<>();
                ids.clear();
            }
            current.add(p);
            if (p.itemId() != null) ids.add(p.itemId());
        }
        if (!current.isEmpty()) out.add(current);
        return out;
    }

    private void decide(List<Pending> chunk, List<CompletableFuture<SendResult<String, byte[]>>> sent) {
        String operator = chunk.get(0).operator();
        BatchAnswer answer;
        try {
            answer = submit(operator, chunk);
        } catch (RuntimeException e) {
            if (transientFailure(e)) throw e;
            if (chunk.size() > 1) {
                // find the message at fault by halves, in order (the failed batch stored nothing): the good messages
                // are still decided in batches, a poison message costs about 2·log2(batch) small transactions
                int half = chunk.size() / 2;
                decide(chunk.subList(0, half), sent);
                decide(chunk.subList(half, chunk.size()), sent);
                return;
            }
            Pending p = chunk.get(0);
            log.warn("parcels stream: {}-{}@{} could not be processed, sent to {}: {}", p.record().topic(), p.record().partition(),
                    p.record().offset(), properties.getDeadLetterTopic(), e.toString());
            sent.add(deadLetter(p.record(), operator, "PROCESSING_FAILED", "processing failed: " + describe(e)));
            return;
        }
        for (int i = 0; i < chunk.size(); i++) {
            Pending p = chunk.get(i);
            ItemAnswer a = answer.items().get(i);
            if (a.status() == ItemAnswer.Status.REJECTED) {
                String reason = a.problems().stream().map(f -> f.field().replaceFirst("^items\\[\\d+\\]\\.", "") + ": " + f.message())
                        .collect(Collectors.joining("; "));
                sent.add(deadLetter(p.record(), operator, "VALIDATION_FAILED", reason));
            } else {
                sent.add(decision(p.record(), operator, a));
            }
        }
    }

    private BatchAnswer submit(String operator, List<Pending> chunk) {
        var auth = UsernamePasswordAuthenticationToken.authenticated("kafka:" + operator, null, List.of());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        long start = System.nanoTime();
        try {
            return screening.submit(operator, chunk.stream().map(Pending::item).toList(), false);
        } finally {
            submitTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            SecurityContextHolder.clearContext();
        }
    }

    private CompletableFuture<SendResult<String, byte[]>> decision(ConsumerRecord<String, byte[]> r, String operator, ItemAnswer a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator", operator);
        m.put("itemId", a.itemId());
        m.put("status", a.status().name());
        m.put("version", a.version());
        m.put("decision", a.decision() == null ? null : a.decision().name());
        m.put("pickedBy", a.pickedBy() == null ? null : a.pickedBy().name());
        m.put("score", a.score());
        m.put("reasons", a.reasons());
        m.put("rulesHit", a.rulesHit());
        m.put("source", Map.of("topic", r.topic(), "partition", r.partition(), "offset", r.offset()));
        m.put("instance", THIS_INSTANCE);
        RecordHeaders h = source(r, operator);
        h.add(INSTANCE, THIS_INSTANCE.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(properties.decisionsTopic(operator), null, a.itemId(), json.writeValueAsBytes(m), h);
        decided.increment();
        if (r.timestamp() > 0) arrivalToDecision.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - r.timestamp())));
        return producer.send(out);
    }

    private CompletableFuture<SendResult<String, byte[]>> deadLetter(ConsumerRecord<String, byte[]> r, String operator, String code, String reason) {
        RecordHeaders h = source(r, operator);
        h.add(CODE, code.getBytes(StandardCharsets.UTF_8));
        h.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        deadLettered.increment();
        return producer.send(new ProducerRecord<>(properties.getDeadLetterTopic(), null, r.key(), r.value(), h));
    }

    private static RecordHeaders source(ConsumerRecord<String, byte[]> r, String operator) {
        RecordHeaders h = new RecordHeaders();
        if (operator != null) h.add(OPERATOR, operator.getBytes(StandardCharsets.UTF_8));
        h.add(SOURCE_TOPIC, r.topic().getBytes(StandardCharsets.UTF_8));
        h.add(SOURCE_PARTITION, Integer.toString(r.partition()).getBytes(StandardCharsets.UTF_8));
        h.add(SOURCE_OFFSET, Long.toString(r.offset()).getBytes(StandardCharsets.UTF_8));
        return h;
    }

    /** Waits until the broker has every answer of the poll, so that the offsets committed next never skip one. */
    private static void await(List<CompletableFuture<SendResult<String, byte[]>>> sent) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaAnswerNotSent("interrupted while sending decisions", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaAnswerNotSent("decisions or dead letters could not be sent: " + e.getMessage(), e);
        }
    }

    /** Not the message's fault: the poll is delivered again. */
    static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    // another instance stored the same version first (a rebalance in flight): next time it is UNCHANGED
                    || t instanceof DuplicateKeyException) {
                return true;
            }
            if (t instanceof FerretException f && f.code() == ErrorCode.PARCELS_NOT_CONFIGURED) return true;
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + root.getMessage();
        return m.length() > 1000 ? m.substring(0, 999) + "…" : m;
    }

    /** The answers of a poll did not reach the broker: the poll is delivered again. */
    static final class KafkaAnswerNotSent extends RuntimeException {
        KafkaAnswerNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
