package org.ferret.tracing;

import java.util.List;

/**
 * Candidates for a search, best first; {@code total} counts every recorded serial that fits (before the limit; an
 * item may carry a serial twice); {@code edits} tells whether fits needing one edit were looked for (only for
 * readings of at least six characters without {@code *}, with at most two {@code ?}, outside the NCIC option).
 */
public record SearchResult(String pattern, boolean ncic, int total, boolean truncated, List<Candidate> candidates,
        long micros, String note, boolean edits) {
}
