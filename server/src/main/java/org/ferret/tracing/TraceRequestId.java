package org.ferret.tracing;

import java.util.UUID;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;

/** Identity of a trace request on this node (a peer's own id for the same request is its {@code Peer.reference}). */
public record TraceRequestId(UUID value) {

    public TraceRequestId {
        if (value == null) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "a trace request id must be given");
        }
    }

    public static TraceRequestId newId() {
        return new TraceRequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
