package org.ferret.standards;

/** What a standard pack governs (UN paper §III.C (a)–(f)). */
public enum Purpose {
    DEACTIVATION, DESTRUCTION, CONVERTIBILITY, SEMI_FINISHED, MARKING, RECORD_KEEPING;

    /** The pack-file spelling ({@code record_keeping}). */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
