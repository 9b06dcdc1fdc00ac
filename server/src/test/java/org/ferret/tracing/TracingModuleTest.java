package org.ferret.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.ferret.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The tracing module with what it depends on: its transitions publish what happened, for other modules to hear. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, verifyAutomatically = false,
        extraIncludes = "standards") // registry.MarkingRules is implemented there; ModularityTests verifies, leaving out the screening library
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class TracingModuleTest {

    @Autowired
    TraceRequests traces;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("module-test", null, List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static TraceRequestContent content() {
        return new TraceRequestContent("Police", "EE", "EE-MOD-1", "art. 12(4)", "robbery", "found", "Tallinn",
                LocalDate.of(2026, 10, 30), List.of(new MarkingRead("ZZ99?99", false)), "PISTOL", null, null, null, null,
                Urgency.ROUTINE, "investigation");
    }

    @Test
    void receiving_a_request_publishes_that_it_was_received(Scenario scenario) {
        scenario.stimulate(() -> traces.receive(content()))
                .andWaitForEventOfType(TraceRequestEvent.Received.class)
                .toArriveAndVerify((event, request) -> {
                    assertThat(event.request()).isEqualTo(request.id());
                    assertThat(event.fromNode()).isNull();
                });
    }

    @Test
    void acknowledging_and_answering_publish_each_step(Scenario scenario) {
        TraceRequest t = traces.receive(content());
        scenario.stimulate(() -> traces.acknowledge(t.id()))
                .andWaitForEventOfType(TraceRequestEvent.Acknowledged.class)
                .matching(e -> e.request().equals(t.id()))
                .toArrive();
        scenario.stimulate(() -> traces.answer(t.id(), "nothing on record"))
                .andWaitForEventOfType(TraceRequestEvent.Answered.class)
                .matching(e -> e.request().equals(t.id()))
                .toArriveAndVerify(e -> assertThat(e.outcome()).isEqualTo(TraceAnswer.Outcome.NOT_TRACED));
    }
}
