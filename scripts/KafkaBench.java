import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The load generator of scripts/bench-kafka.sh (docs/benchmarks.md, "Kafka ingest"), run as a single source file on
 * the kafka-broker module's class path (the Kafka client comes with it): an open-loop producer of new postal
 * declarations at a fixed rate (each message's timestamp is its INTENDED send time, so a producer that falls behind
 * does not hide the delay) and a consumer of the decisions topic that measures, per decision, the time from that
 * timestamp to the decision's arrival here; a line per 10 s window and one per step.
 *
 * <pre>java -cp kafka-broker/target/classes:$(cat kafka-broker/target/broker.classpath) scripts/KafkaBench.java \
 *   BOOTSTRAP IN_TOPIC OUT_TOPIC RATES(500,1000,…) STEP_SECONDS [WINDOW_SECONDS] [DRAIN_SECONDS] [WARMUP_SECONDS]</pre>
 *
 * A step holds when, after its first window (warm-up), the p99 is under 100 ms, the decided rate is at least 98 % of
 * the target and the outstanding count (sent, not yet decided) at the end of the step is under one second of load.
 */
public final class KafkaBench {
    static final long P99_BAR_MS = 100;

    final String bootstrap, in, out;
    final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    final AtomicLong sent = new AtomicLong(), decided = new AtomicLong(), unknown = new AtomicLong(), notAccepted = new AtomicLong();
    final AtomicBoolean stop = new AtomicBoolean();
    /** Latencies of the current window (ms), written by the consumer thread only. */
    volatile LatencyBuffer window = new LatencyBuffer();
    long base;

    KafkaBench(String bootstrap, String in, String out) {
        this.bootstrap = bootstrap;
        this.in = in;
        this.out = out;
        // a base of its own for each run, so that a rerun on the same database sends new items
        this.base = (System.currentTimeMillis() / 1000 % 90) * 1_000_000L;
    }

    static final class LatencyBuffer {
        long[] v = new long[1 << 16];
        int n;

        synchronized void add(long ms) {
            if (n == v.length) v = Arrays.copyOf(v, n * 2);
            v[n++] = ms;
        }

        synchronized long[] snapshot() {
            return Arrays.copyOf(v, n);
        }
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return -1;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    static String s10(String prefix, long number, String country) {
        String digits = String.format("%08d", number % 100_000_000L);
        int sum = 0;
        for (int i = 0; i < 8; i++) sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        int check = 11 - sum % 11;
        if (check == 10) check = 0;
        else if (check == 11) check = 5;
        return prefix + digits + check + country;
    }

    static final String[][] GOODS = {{"cotton t-shirt", "6109.10", "30"}, {"phone case", "3926.90", "12"},
            {"spare parts for air rifle", "9305.20", "80"}, {"steel tube", "7306.30", "45"}, {"book", "4901.99", "20"},
            {"toy pistol", "9503.00", "15"}};

    static byte[] item(String id, long n, String today) {
        String[] g = GOODS[(int) (n % GOODS.length)];
        return ("{\"itemId\":\"" + id + "\",\"site\":\"HEL\",\"direction\":\"INBOUND\",\"mailClass\":\"PARCEL\","
                + "\"postingOffice\":\"Shenzhen\",\"postedOn\":\"" + today + "\",\"origin\":\"CN\",\"destination\":\"FI\","
                + "\"sender\":{\"name\":\"Seller " + (n % 500) + "\",\"address\":\"1 Road\",\"postcode\":\"518000\",\"country\":\"CN\",\"phone\":null,\"email\":null},"
                + "\"addressee\":{\"name\":\"Buyer " + (n % 5000) + "\",\"address\":\"2 Street\",\"postcode\":\"00100\",\"country\":\"FI\",\"type\":\"RESIDENCE\"},"
                + "\"category\":\"SALE_OF_GOODS\",\"categoryExplanation\":null,"
                + "\"contents\":[{\"description\":\"" + g[0] + "\",\"quantity\":1,\"netWeightKg\":0.4,\"value\":" + g[2]
                + ",\"currency\":\"USD\",\"hsCode\":\"" + g[1] + "\",\"originCountry\":\"CN\"}],"
                + "\"grossWeightKg\":0.5,\"totalValue\":" + g[2] + ",\"currency\":\"USD\",\"licenceNumber\":null,\"certificateNumber\":null,\"invoiceNumber\":null}")
                .getBytes(StandardCharsets.UTF_8);
    }

    void consume() {
        Map<String, Object> c = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(out));
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    Long t = sentAt.remove(r.key());
                    if (t == null) {
                        unknown.incrementAndGet();
                        continue;
                    }
                    String v = new String(r.value(), StandardCharsets.UTF_8);
                    if (!v.contains("\"status\":\"ACCEPTED\"")) notAccepted.incrementAndGet();
                    window.add(now - t);
                    decided.incrementAndGet();
                }
            }
        }
    }

    /** Waits until the decisions consumer has its partitions (it reads from "latest"). */
    void awaitConsumerReady(KafkaProducer<String, byte[]> producer) throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        long deadline = System.currentTimeMillis() + 600_000; // the first item may wait for the demo model's training
        while (System.currentTimeMillis() < deadline) {
            long n = base++;
            String id = s10("RB", n, "FI");
            sentAt.put(id, System.currentTimeMillis());
            producer.send(new ProducerRecord<>(in, null, System.currentTimeMillis(), id, item(id, n, today))).get();
            sent.incrementAndGet();
            long until = System.currentTimeMillis() + 3000;
            while (System.currentTimeMillis() < until) {
                if (decided.get() > 0) return;
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("no decision came back within 10 minutes: is the server consuming " + in + "?");
    }

    record Step(int rate, long sent, long decided, double decidedPerSecond, long p50, long p99, long p999, long max, long outstanding, boolean holds) {}

    Step step(KafkaProducer<String, byte[]> producer, int rate, int seconds, int windowSeconds, int drainSeconds) throws InterruptedException {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime(), startMs = System.currentTimeMillis();
        long end = start + seconds * 1_000_000_000L;
        long nextWindow = start + windowSeconds * 1_000_000_000L;
        long i = 0, windowDecided0 = decided.get(), windowSent0 = sent.get();
        long stepSent0 = sent.get(), stepDecided0 = decided.get();
        List<long[]> afterWarmup = new ArrayList<>();
        int w = 0;
        window = new LatencyBuffer();
        long outstandingAtEnd = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= nextWindow || now >= end) {
                LatencyBuffer done = window;
                window = new LatencyBuffer();
                long[] l = done.snapshot();
                Arrays.sort(l);
                long d = decided.get(), s = sent.get();
                w++;
                System.out.printf(Locale.ROOT, "  window %2d: sent %6d/s  decided %6d/s  p50 %5d ms  p99 %5d ms  p99.9 %5d ms  outstanding %7d%n",
                        w, (s - windowSent0) / windowSeconds, (d - windowDecided0) / windowSeconds, pct(l, 50), pct(l, 99), pct(l, 99.9), s - d);
                windowSent0 = s;
                windowDecided0 = d;
                if (w > 1) afterWarmup.add(l);
                nextWindow += windowSeconds * 1_000_000_000L;
                if (now >= end) {
                    outstandingAtEnd = s - d;
                    break;
                }
            }
            long due = (now - start) / periodNanos; // messages due by now (open loop: late ones go out at once)
            while (i <= due && i < (long) rate * seconds) {
                long n = base++;
                String id = s10("RB", n, "FI");
                long intended = startMs + i * periodNanos / 1_000_000L;
                sentAt.put(id, intended);
                producer.send(new ProducerRecord<>(in, null, intended, id, item(id, n, today)));
                sent.incrementAndGet();
                i++;
            }
            LockSupport.parkNanos(Math.min(periodNanos, 1_000_000L));
        }
        long stepDecided = decided.get() - stepDecided0;
        // the latencies of everything sent in the step (decisions of the step that come during the drain count too)
        long drainUntil = System.currentTimeMillis() + drainSeconds * 1000L;
        while (sent.get() > decided.get() && System.currentTimeMillis() < drainUntil) Thread.sleep(100);
        LatencyBuffer tail = window;
        window = new LatencyBuffer();
        afterWarmup.add(tail.snapshot());
        long[] all = afterWarmup.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double perSecond = stepDecided / (double) seconds;
        boolean holds = pct(all, 99) >= 0 && pct(all, 99) < P99_BAR_MS && perSecond >= 0.98 * rate && outstandingAtEnd < rate;
        long left = sent.get() - decided.get();
        if (left > 0) {
            System.out.printf("  %d decisions still missing after a %d s drain: dropped from the count%n", left, drainSeconds);
            sentAt.clear();
            decided.addAndGet(left);
        }
        return new Step(rate, sent.get() - stepSent0, stepDecided, perSecond, pct(all, 50), pct(all, 99), pct(all, 99.9),
                all.length == 0 ? -1 : all[all.length - 1], outstandingAtEnd, holds);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: KafkaBench BOOTSTRAP IN_TOPIC OUT_TOPIC RATES STEP_SECONDS [WINDOW_SECONDS] [DRAIN_SECONDS] [WARMUP_SECONDS]");
            System.exit(2);
        }
        KafkaBench b = new KafkaBench(args[0], args[1], args[2]);
        int[] rates = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(args[4]);
        int windowSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        int drainSeconds = args.length > 6 ? Integer.parseInt(args[6]) : 30;
        int warmup = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        Map<String, Object> pc = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Thread consumer = new Thread(b::consume, "decisions");
        consumer.start();
        List<Step> steps = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pc, new StringSerializer(), new ByteArraySerializer())) {
            b.awaitConsumerReady(producer);
            if (warmup > 0) { // the model's load, the history replay and the JIT: not counted
                System.out.printf("warm-up %d/s for %d s (not counted)%n", rates[0], warmup);
                b.step(producer, rates[0], warmup, windowSeconds, drainSeconds);
            }
            for (int rate : rates) {
                System.out.printf("step %d/s for %d s%n", rate, seconds);
                Step s = b.step(producer, rate, seconds, windowSeconds, drainSeconds);
                steps.add(s);
                System.out.printf(Locale.ROOT, "STEP %d %d %d %.0f %d %d %d %d %d %s%n", s.rate(), s.sent(), s.decided(), s.decidedPerSecond(),
                        s.p50(), s.p99(), s.p999(), s.max(), s.outstanding(), s.holds() ? "yes" : "no");
                if (!s.holds() && s.decidedPerSecond() < 0.9 * rate) {
                    System.out.println("  far behind: higher steps skipped");
                    break;
                }
            }
        } finally {
            b.stop.set(true);
            consumer.join(10_000);
        }
        System.out.println();
        System.out.println("| target /s | sent | decided | decided /s | p50 ms | p99 ms | p99.9 ms | max ms | outstanding at end | holds |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        int best = 0;
        for (Step s : steps) {
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %.0f | %d | %d | %d | %d | %d | %s |%n", s.rate(), s.sent(), s.decided(),
                    s.decidedPerSecond(), s.p50(), s.p99(), s.p999(), s.max(), s.outstanding(), s.holds() ? "yes" : "no");
            if (s.holds()) best = Math.max(best, s.rate());
        }
        System.out.printf("RESULT highest rate that holds (p99 < %d ms, keeps up): %d/s; decisions not ACCEPTED: %d, unknown keys: %d%n",
                P99_BAR_MS, best, b.notAccepted.get(), b.unknown.get());
    }
}
