package org.ferret.tracing.matching;

/**
 * How one character of a recorded marking was matched: {@code position} is 1-based in the recorded (normalised)
 * serial; {@code read} is what the pattern had there ({@code null} for ignored letters and unreadable runs).
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
        IGNORED
    }
}
