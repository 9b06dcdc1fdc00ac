package org.ferret.tracing;

import java.time.Instant;

import org.ferret.registry.ItemId;

/**
 * What happened to a trace request, published after each transition (other modules, e.g. intelligence for the
 * SDG 16.4.2 tracing outcome, listen) and named in the audit trail by {@link #action()}.
 */
public sealed interface TraceRequestEvent {

    TraceRequestId request();

    Instant at();

    /** The audit action for this event. */
    String action();

    /** Received here from a user of this node, or from another node ({@code fromNode}). */
    record Received(TraceRequestId request, String fromNode, Instant at) implements TraceRequestEvent {
        public String action() {
            return "TRACE_REQUEST_RECEIVED";
        }
    }

    record Sent(TraceRequestId request, String toNode, Instant at) implements TraceRequestEvent {
        public String action() {
            return "TRACE_REQUEST_SENT";
        }
    }

    record Acknowledged(TraceRequestId request, Instant at) implements TraceRequestEvent {
        public String action() {
            return "TRACE_REQUEST_ACKNOWLEDGED";
        }
    }

    record CandidateConfirmed(TraceRequestId request, ItemId item, String serial, Instant at) implements TraceRequestEvent {
        public String action() {
            return "TRACE_CANDIDATE_CONFIRMED";
        }
    }

    record CandidateRejected(TraceRequestId request, ItemId item, String serial, Instant at) implements TraceRequestEvent {
        public String action() {
            return "TRACE_CANDIDATE_REJECTED";
        }
    }

    record Answered(TraceRequestId request, TraceAnswer.Outcome outcome, ItemId item, Instant at)
            implements TraceRequestEvent {
        public String action() {
            return "TRACE_REQUEST_ANSWERED";
        }
    }

    record AcknowledgedByPeer(TraceRequestId request, String node, Instant at) implements TraceRequestEvent {
        public String action() {
            return "TRACE_ACK_RECEIVED";
        }
    }

    record AnswerReceived(TraceRequestId request, String node, TraceAnswer.Outcome outcome, Instant at)
            implements TraceRequestEvent {
        public String action() {
            return "TRACE_ANSWER_RECEIVED";
        }
    }

    record Closed(TraceRequestId request, Instant at) implements TraceRequestEvent {
        public String action() {
            return "TRACE_REQUEST_CLOSED";
        }
    }
}
