package org.ferret.licensing;

import java.time.Instant;
import java.util.UUID;

/**
 * A confirmation asked of another Ferret node (OUT: this node's officer asks the importing or a transit state) or
 * asked of this node (IN: another node's officer asks), and how it was answered.
 */
public record NodeRequest(UUID id, Direction direction, String peer, UUID licenceId, String licenceNumber,
        AuthorisationKind kind, String country, String summary, Status status, AuthorisationKind answerKind,
        String answerReference, Instant createdAt, Instant answeredAt) {

    /** Sent from here, or received here. */
    public enum Direction {
        OUT, IN
    }

    /** Waiting for the answer, or answered. */
    public enum Status {
        PENDING, ANSWERED
    }
}
