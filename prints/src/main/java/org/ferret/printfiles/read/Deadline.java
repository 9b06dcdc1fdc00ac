package org.ferret.printfiles.read;

/** The time limit of one file, checked by the readers' and the analysis's loops every few thousand steps. */
public final class Deadline {
    private final long endNanos;
    private final long millis;

    private Deadline(long millis) {
        this.millis = millis;
        this.endNanos = System.nanoTime() + millis * 1_000_000L;
    }

    public static Deadline in(Limits limits) {
        return new Deadline(limits.time().toMillis());
    }

    public static Deadline none() {
        return new Deadline(Long.MAX_VALUE / 4_000_000L);
    }

    public void check() throws UnreadableFileException {
        if (System.nanoTime() - endNanos > 0)
            throw new UnreadableFileException(UnreadableFileException.Kind.TIMEOUT,
                    "time limit of " + millis + " ms reached before the file was read and analysed");
    }
}
