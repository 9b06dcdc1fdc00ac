package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.registry.Construction;
import org.ferret.registry.ItemKind;
import org.ferret.registry.ItemRegistered;
import org.ferret.registry.ItemStatus;
import org.ferret.registry.Registry;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The parcels module with what it depends on: an outcome that found a component registers it, and the registry says so. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, verifyAutomatically = false,
        extraIncludes = "standards") // registry.MarkingRules is implemented there; ModularityTests verifies
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class ParcelsModuleTest {
    @Autowired
    ParcelScreening screening;
    @Autowired
    Inspections inspections;
    @Autowired
    Registry registry;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("module-test", null, List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_component_outcome_registers_a_seized_item_and_the_registry_publishes_it(Scenario scenario) {
        String itemId = ParcelsApi.newItemId();
        JsonNode item = json.valueToTree(ParcelsApi.item(itemId));
        BatchAnswer answer = screening.submit("POST", List.of(item), true);
        assertThat(answer.accepted()).isEqualTo(1);
        UUID declaration = screening.declarationsOf("POST", itemId).get(0);
        if (answer.items().get(0).decision() == ItemAnswer.Decision.RELEASE) {
            inspections.addToQueue(declaration, "module test");
        }
        scenario.stimulate(() -> inspections.recordOutcome(declaration,
                        new Outcome(OutcomeKind.ESSENTIAL_COMPONENT, ItemKind.FRAME, Construction.ADDITIVELY_MANUFACTURED, false, null)))
                .andWaitForEventOfType(ItemRegistered.class)
                .matching(e -> e.kind() == ItemKind.FRAME)
                .toArriveAndVerify((event, recorded) -> {
                    assertThat(event.item()).isEqualTo(recorded.registryItem().id());
                    assertThat(event.markingRequired()).isTrue();
                    var view = registry.get(event.item());
                    assertThat(view.status()).isEqualTo(ItemStatus.SEIZED);
                    assertThat(view.externalRef()).isEqualTo("parcel:" + declaration);
                });
    }

    @Test
    void an_outcome_publishes_how_the_item_was_picked(Scenario scenario) {
        String itemId = ParcelsApi.newItemId();
        screening.submit("POST", List.of(json.valueToTree(ParcelsApi.item(itemId))), true);
        UUID declaration = screening.declarationsOf("POST", itemId).get(0);
        if (!screening.decision(declaration).orElseThrow().inQueue()) {
            inspections.addToQueue(declaration, "module test");
        }
        scenario.stimulate(() -> inspections.recordOutcome(declaration, new Outcome(OutcomeKind.NOTHING_FOUND, null, null, null, "clean")))
                .andWaitForEventOfType(ParcelOutcomeRecorded.class)
                .toArriveAndVerify(e -> {
                    assertThat(e.declaration()).isEqualTo(declaration);
                    assertThat(e.registryItem()).isNull();
                    assertThat(e.pickedBy()).isNotNull();
                });
    }

    static Map<String, Object> unused() {
        return Map.of();
    }
}
