package org.ferret.tracing.matching;

/** A search pattern that cannot be used, with the 1-based position at fault (0 when it is the pattern as a whole). */
public class MalformedPatternException extends IllegalArgumentException {

    private final int position;

    public MalformedPatternException(int position, String message) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
