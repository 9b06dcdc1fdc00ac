package org.ferret.tracing;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Trace deadlines by urgency (defaults: urgent answered within 24 hours, routine within 9 days, as eTrace;
 * acknowledged within 4 hours and 2 days) and this node's name. ISO-8601 durations, e.g. {@code PT24H}, {@code P9D}.
 */
@Component
public class TracingProperties {

    private final Duration urgentAcknowledge;
    private final Duration urgentAnswer;
    private final Duration routineAcknowledge;
    private final Duration routineAnswer;
    private final String nodeId;
    private final String defaultAgency;

    TracingProperties(@Value("${ferret.tracing.deadlines.urgent-acknowledge:PT4H}") String urgentAcknowledge,
            @Value("${ferret.tracing.deadlines.urgent-answer:PT24H}") String urgentAnswer,
            @Value("${ferret.tracing.deadlines.routine-acknowledge:P2D}") String routineAcknowledge,
            @Value("${ferret.tracing.deadlines.routine-answer:P9D}") String routineAnswer,
            @Value("${ferret.exchange.node.id:${ferret.tracing.node.id:local}}") String nodeId,
            @Value("${ferret.tracing.notifications.default-agency:NFA}") String defaultAgency) {
        this.urgentAcknowledge = Duration.parse(urgentAcknowledge);
        this.urgentAnswer = Duration.parse(urgentAnswer);
        this.routineAcknowledge = Duration.parse(routineAcknowledge);
        this.routineAnswer = Duration.parse(routineAnswer);
        this.nodeId = nodeId;
        this.defaultAgency = defaultAgency;
    }

    public Duration acknowledgeWithin(Urgency u) {
        return u == Urgency.URGENT ? urgentAcknowledge : routineAcknowledge;
    }

    public Duration answerWithin(Urgency u) {
        return u == Urgency.URGENT ? urgentAnswer : routineAnswer;
    }

    public String nodeId() {
        return nodeId;
    }

    /** Agency notified of a hit when the loss or theft was recorded by a job rather than a user. */
    public String defaultAgency() {
        return defaultAgency;
    }
}
