package org.ferret.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ferret.registry.ItemId;
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

    static final TraceRequest.Deadlines DUE = new TraceRequest.Deadlines(T0.plus(Duration.ofHours(4)),
            T0.plus(Duration.ofHours(24)));

    static TraceRequest incoming(List<TraceCandidate> candidates) {
        TraceRequest t = TraceRequest.incoming(TraceRequestId.newId(), content(Urgency.URGENT), T0, DUE, null, "investigator")
                .request();
        return new TraceRequest(t.id(), t.direction(), t.status(), t.content(), t.progress(), t.due(), null, null, null,
                t.createdBy(), 0, candidates);
    }

    static TraceCandidate candidate(TraceCandidate.Decision d) {
        return new TraceCandidate(UUID.randomUUID(), "AB12345", 0.9, "exact 6, unreadable 1", List.of(), d, null, null);
    }

    static ItemId itemOf(TraceRequest t) {
        return new ItemId(t.candidates().getFirst().itemId());
    }

    static TraceAnswer answer(TraceAnswer.Outcome o) {
        return new TraceAnswer(o, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                "investigator", "local", T0);
    }

    @Test
    void walks_received_acknowledged_identified_answered_closed() {
        TraceRequest t = incoming(List.of(candidate(TraceCandidate.Decision.PROPOSED)));
        ItemId item = itemOf(t);
        TraceRequest.Changed acked = t.acknowledge(T0.plusSeconds(60));
        assertThat(acked.request().status()).isEqualTo(TraceStatus.ACKNOWLEDGED);
        assertThat(acked.event()).isEqualTo(new TraceRequestEvent.Acknowledged(t.id(), T0.plusSeconds(60)));
        TraceRequest.Changed identified = acked.request().confirm(item, T0.plusSeconds(120));
        assertThat(identified.request().status()).isEqualTo(TraceStatus.IDENTIFIED);
        assertThat(identified.request().confirmedItem()).isEqualTo(item);
        assertThat(identified.event()).isEqualTo(
                new TraceRequestEvent.CandidateConfirmed(t.id(), item, "AB12345", T0.plusSeconds(120)));
        TraceRequest.Changed answered = identified.request().answer(answer(TraceAnswer.Outcome.TRACED), T0.plusSeconds(180));
        assertThat(answered.request().status()).isEqualTo(TraceStatus.ANSWERED);
        assertThat(answered.event()).isInstanceOf(TraceRequestEvent.Answered.class);
        TraceRequest.Changed closed = answered.request().close(T0.plusSeconds(240));
        assertThat(closed.request().status()).isEqualTo(TraceStatus.CLOSED);
        assertThat(closed.request().progress()).isEqualTo(new TraceRequest.Progress(T0, T0.plusSeconds(60),
                T0.plusSeconds(180), T0.plusSeconds(240)));
        assertThat(closed.event().action()).isEqualTo("TRACE_REQUEST_CLOSED");
    }

    @Test
    void confirming_straight_from_received_acknowledges_on_the_way() {
        TraceRequest t = incoming(List.of(candidate(TraceCandidate.Decision.PROPOSED)));
        TraceRequest identified = t.confirm(itemOf(t), T0.plusSeconds(30)).request();
        assertThat(identified.progress().acknowledgedAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void refuses_a_decision_on_an_item_that_is_not_a_candidate_or_was_already_decided() {
        TraceRequest t = incoming(List.of(candidate(TraceCandidate.Decision.REJECTED)));
        assertThatThrownBy(() -> t.confirm(ItemId.newId(), T0)).hasMessageContaining("is not a candidate")
                .extracting(e -> ((FerretException) e).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThatThrownBy(() -> t.reject(itemOf(t), T0)).hasMessageContaining("was already rejected")
                .extracting(e -> ((FerretException) e).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
    }

    @Test
    void a_rejection_leaves_the_request_as_it_was_and_says_so_in_its_event() {
        TraceRequest t = incoming(List.of(candidate(TraceCandidate.Decision.PROPOSED)));
        TraceRequest.Changed rejected = t.reject(itemOf(t), T0);
        assertThat(rejected.request()).isEqualTo(t);
        assertThat(rejected.event()).isEqualTo(new TraceRequestEvent.CandidateRejected(t.id(), itemOf(t), "AB12345", T0));
    }

    @Test
    void an_identified_request_no_longer_rejects_candidates() {
        TraceRequest t = incoming(List.of(candidate(TraceCandidate.Decision.PROPOSED),
                candidate(TraceCandidate.Decision.PROPOSED)));
        TraceRequest identified = t.confirm(itemOf(t), T0).request();
        ItemId other = new ItemId(t.candidates().get(1).itemId());
        assertThatThrownBy(() -> identified.reject(other, T0)).hasMessageContaining("cannot reject a candidate");
    }

    @Test
    void refuses_to_answer_as_traced_without_a_confirmed_candidate_or_as_not_traced_while_one_is_undecided() {
        TraceRequest t = incoming(List.of(candidate(TraceCandidate.Decision.PROPOSED))).acknowledge(T0).request();
        assertThatThrownBy(() -> t.answer(answer(TraceAnswer.Outcome.TRACED), T0))
                .isInstanceOf(FerretException.class).hasMessageContaining("no candidate has been confirmed")
                .extracting(e -> ((FerretException) e).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThatThrownBy(() -> t.answer(answer(TraceAnswer.Outcome.NOT_TRACED), T0)).hasMessageContaining("undecided");
        TraceRequest allRejected = incoming(List.of(candidate(TraceCandidate.Decision.REJECTED))).acknowledge(T0).request();
        assertThat(allRejected.answer(answer(TraceAnswer.Outcome.NOT_TRACED), T0).request().status())
                .isEqualTo(TraceStatus.ANSWERED);
    }

    @Test
    void refuses_illegal_transitions_by_name() {
        TraceRequest t = incoming(List.of());
        assertThatThrownBy(() -> t.close(T0)).hasMessageContaining("cannot close");
        assertThatThrownBy(() -> t.answer(answer(TraceAnswer.Outcome.NOT_TRACED), T0)).hasMessageContaining("cannot answer");
        TraceRequest acked = t.acknowledge(T0).request();
        assertThatThrownBy(() -> acked.acknowledge(T0)).hasMessageContaining("cannot acknowledge")
                .hasMessageContaining("is acknowledged (received here)");
        assertThatThrownBy(() -> t.answerReceived(answer(TraceAnswer.Outcome.TRACED), T0))
                .hasMessageContaining("record an answer");
    }

    @Test
    void is_overdue_after_its_answer_deadline_or_unacknowledged_after_its_acknowledgement_deadline() {
        TraceRequest t = incoming(List.of());
        assertThat(t.overdue(T0.plus(Duration.ofHours(3)))).isFalse();
        assertThat(t.overdue(T0.plus(Duration.ofHours(5)))).isTrue();
        TraceRequest acked = t.acknowledge(T0.plus(Duration.ofHours(1))).request();
        assertThat(acked.overdue(T0.plus(Duration.ofHours(5)))).isFalse();
        assertThat(acked.overdue(T0.plus(Duration.ofHours(25)))).isTrue();
        TraceRequest withCandidate = incoming(List.of(candidate(TraceCandidate.Decision.PROPOSED)));
        assertThat(withCandidate.confirm(itemOf(withCandidate), T0).request().answer(answer(TraceAnswer.Outcome.TRACED), T0)
                .request().overdue(T0.plus(Duration.ofDays(30)))).isFalse();
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
