package org.ferret.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.junit.jupiter.api.Test;

class TraceRequestTest {

    static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    static TraceRequestContent content(Urgency u) {
        return new TraceRequestContent("Police", "EE", "EE-1", "art. 12(4)", "robbery", "found", "Tallinn",
                LocalDate.of(2026, 10, 30), List.of(new MarkingRead("AB12?45", true)), "PISTOL", "Glock", "17", "9x19mm",
                "AT", u, "investigation");
    }

    static TraceRequest incoming(List<TraceCandidate> candidates) {
        return new TraceRequest(UUID.randomUUID(), TraceRequest.Direction.INCOMING, TraceStatus.RECEIVED,
                content(Urgency.URGENT), T0, T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(24)), null, null, null,
                null, null, null, null, "investigator", 0, candidates);
    }

    static TraceCandidate candidate(TraceCandidate.Decision d) {
        return new TraceCandidate(UUID.randomUUID(), "AB12345", 0.9, "exact 6, unreadable 1", List.of(), d, null, null);
    }

    static TraceAnswer answer(TraceAnswer.Outcome o) {
        return new TraceAnswer(o, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                "investigator", "local", T0);
    }

    @Test
    void walks_received_acknowledged_identified_answered_closed() {
        TraceRequest t = incoming(List.of(candidate(TraceCandidate.Decision.PROPOSED)));
        t = t.acknowledge(T0.plusSeconds(60));
        assertThat(t.status()).isEqualTo(TraceStatus.ACKNOWLEDGED);
        t = t.identify(UUID.randomUUID(), T0.plusSeconds(120));
        assertThat(t.status()).isEqualTo(TraceStatus.IDENTIFIED);
        t = t.answer(answer(TraceAnswer.Outcome.TRACED), T0.plusSeconds(180));
        assertThat(t.status()).isEqualTo(TraceStatus.ANSWERED);
        assertThat(t.close(T0.plusSeconds(240)).status()).isEqualTo(TraceStatus.CLOSED);
    }

    @Test
    void refuses_to_answer_as_traced_without_a_confirmed_candidate_or_as_not_traced_while_one_is_undecided() {
        TraceRequest t = incoming(List.of(candidate(TraceCandidate.Decision.PROPOSED))).acknowledge(T0);
        assertThatThrownBy(() -> t.answer(answer(TraceAnswer.Outcome.TRACED), T0))
                .isInstanceOf(FerretException.class).hasMessageContaining("no candidate has been confirmed")
                .extracting(e -> ((FerretException) e).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThatThrownBy(() -> t.answer(answer(TraceAnswer.Outcome.NOT_TRACED), T0)).hasMessageContaining("undecided");
        TraceRequest allRejected = incoming(List.of(candidate(TraceCandidate.Decision.REJECTED))).acknowledge(T0);
        assertThat(allRejected.answer(answer(TraceAnswer.Outcome.NOT_TRACED), T0).status()).isEqualTo(TraceStatus.ANSWERED);
    }

    @Test
    void refuses_illegal_transitions_by_name() {
        TraceRequest t = incoming(List.of());
        assertThatThrownBy(() -> t.close(T0)).hasMessageContaining("cannot close");
        assertThatThrownBy(() -> t.answer(answer(TraceAnswer.Outcome.NOT_TRACED), T0)).hasMessageContaining("cannot answer");
        TraceRequest acked = t.acknowledge(T0);
        assertThatThrownBy(() -> acked.acknowledge(T0)).hasMessageContaining("cannot acknowledge");
        assertThatThrownBy(() -> t.answerReceived(answer(TraceAnswer.Outcome.TRACED), T0))
                .hasMessageContaining("record an answer");
    }

    @Test
    void is_overdue_after_its_answer_deadline_or_unacknowledged_after_its_acknowledgement_deadline() {
        TraceRequest t = incoming(List.of());
        assertThat(t.overdue(T0.plus(Duration.ofHours(3)))).isFalse();
        assertThat(t.overdue(T0.plus(Duration.ofHours(5)))).isTrue();
        TraceRequest acked = t.acknowledge(T0.plus(Duration.ofHours(1)));
        assertThat(acked.overdue(T0.plus(Duration.ofHours(5)))).isFalse();
        assertThat(acked.overdue(T0.plus(Duration.ofHours(25)))).isTrue();
        assertThat(acked.identify(UUID.randomUUID(), T0).answer(answer(TraceAnswer.Outcome.TRACED), T0)
                .overdue(T0.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void a_request_reports_every_bad_field_at_once() {
        assertThatThrownBy(() -> new TraceRequestContent(" ", "XX", null, "b", "c", "d", "e", LocalDate.now().plusDays(5),
                List.of(new MarkingRead("A(1", false)), "TANK", null, null, null, "ZZ", null, "use"))
                .isInstanceOf(FerretException.class)
                .satisfies(e -> assertThat(((FerretException) e).problems()).extracting(FerretException.FieldProblem::field)
                        .containsExactlyInAnyOrder("requestingAgency", "requestingCountry", "caseReference", "recoveredOn",
                                "markings[0].marking", "type", "countryOfOrigin", "urgency"));
    }
}
