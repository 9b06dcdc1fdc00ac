package org.ferret.screening.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs chunks of work on threads and waits for all; a failure in one is rethrown. */
public final class Parallel {
    private Parallel() {}

    public static void runAll(Runnable[] work) {
        runAll(work, work.length);
    }

    /** Runs the work on at most {@code threads} threads, in the order given as threads come free. */
    public static void runAll(Runnable[] work, int threads) {
        if (work.length == 0) return;
        if (work.length == 1 || threads <= 1) {
            for (Runnable w : work) w.run();
            return;
        }
        ExecutorService ex = Executors.newFixedThreadPool(Math.min(threads, work.length));
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Runnable w : work) fs.add(ex.submit(w));
            for (Future<?> f : fs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error er) throw er;
            throw new IllegalStateException(e.getCause());
        } finally {
            ex.shutdown();
        }
    }
}
