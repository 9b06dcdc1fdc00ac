package org.ferret.licensing;

import java.time.LocalDate;
import java.util.List;

/**
 * What anyone holding a licence document learns from its verification code: whether it is valid and what remains,
 * nothing more (no parties, no items).
 */
public record Verification(String number, Answer answer, LocalDate expiresOn, List<Remaining> remaining) {

    /** The verification answer. */
    public enum Answer {
        VALID, NOT_YET_ISSUED, SUSPENDED, EXPIRED, REVOKED, EXHAUSTED, REFUSED
    }

    /** What remains of one goods line. */
    public record Remaining(int line, String description, int quantity, int remaining) {
    }
}
