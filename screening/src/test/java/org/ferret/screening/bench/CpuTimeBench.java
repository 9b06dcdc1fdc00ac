package org.ferret.screening.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * A companion to {@link ScoringBenchmark} for shared, overloaded machines: the same three scorers, timed by the
 * CPU time of the measuring thread (so time the thread spends descheduled is not counted), in declarations per
 * CPU-second. Usage: {@code CpuTimeBench MODEL DATA}.
 */
public final class CpuTimeBench {
    public static void main(String[] args) throws Exception {
        ScoringBenchmark b = new ScoringBenchmark();
        b.model = args[0];
        b.data = args[1];
        b.setUp();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        report(mx, "plainJavaTrees", () -> b.plainJavaTrees());
        report(mx, "boosterInplacePredict", () -> b.boosterInplacePredict());
        report(mx, "boosterPredictBuildingTheDMatrix", () -> b.boosterPredictBuildingTheDMatrix());
        b.tearDown();
    }

    private static void report(ThreadMXBean mx, String name, Callable<Object> op) throws Exception {
        for (int i = 0; i < 30; i++) op.call(); // warm-up
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            int iterations = 0;
            while (mx.getCurrentThreadCpuTime() - cpu0 < 1_000_000_000L) {
                op.call();
                iterations++;
            }
            double secs = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double rate = iterations * (double) ScoringBenchmark.ROWS / secs;
            best = Math.max(best, rate);
        }
        System.out.printf(Locale.ROOT, "%-34s best: %,.0f declarations per CPU-second%n", name, best);
    }
}
