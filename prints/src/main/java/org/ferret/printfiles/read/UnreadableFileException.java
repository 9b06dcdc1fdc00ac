package org.ferret.printfiles.read;

/** A print file that cannot be read within its limits: the screen answers {@code error} with {@link #reason()}. */
public final class UnreadableFileException extends Exception {
    /** Why: the file's own fault, a limit reached, or the time allowed ran out. */
    public enum Kind { MALFORMED, LIMIT, TIMEOUT, UNSUPPORTED }

    private final Kind kind;

    public UnreadableFileException(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** One sentence for the reviewer and the API client, naming the line, entry or field where there is one. */
    public String reason() {
        return getMessage();
    }

    static UnreadableFileException malformed(String reason) {
        return new UnreadableFileException(Kind.MALFORMED, reason);
    }

    static UnreadableFileException limit(String reason) {
        return new UnreadableFileException(Kind.LIMIT, reason);
    }
}
