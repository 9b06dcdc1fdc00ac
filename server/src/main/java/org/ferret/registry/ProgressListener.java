package org.ferret.registry;

/** Told how far a bulk import has got, e.g. to drive a progress bar; called from the importing thread. */
@FunctionalInterface
public interface ProgressListener {

    /** {@code rowsRead} data rows read so far, {@code charsRead} characters of input consumed so far. */
    void progress(long rowsRead, long charsRead);

    ProgressListener NONE = (rows, chars) -> {
    };
}
