package org.ferret.tracing.matching;

/**
 * How one character of a recorded marking was matched: {@code position} is 1-based in the recorded (normalised)
 * serial; {@code read} is what the pattern had there ({@code null} for ignored letters, unreadable runs and recorded
 * characters missing from the reading). An {@link Kind#EXTRA} character was read where the record has none: its
 * {@code recorded} is {@code null} and {@code position} counts the recorded characters before it (0 = before the first).
 */
public record PositionMatch(int position, String recorded, String read, Kind kind) {

    /** The ways a position can match. */
    public enum Kind {
        /** read exactly as recorded */
        EXACT,
        /** read as a character of the same confusion class, e.g. O for 0 */
        CONFUSION,
        /** marked unreadable with ? */
        UNKNOWN,
        /** inside an unreadable run marked with * */
        RUN,
        /** a letter ignored under the NCIC option */
        IGNORED,
        /** read as a different character outside its confusion class (an edit, e.g. F for E) */
        SUBSTITUTED,
        /** recorded, but the reading has no character for it (an edit: a character dropped) */
        MISSING,
        /** read, but the record has no character there (an edit: a character inserted) */
        EXTRA
    }
}
