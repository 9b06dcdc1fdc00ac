package org.ferret.standards.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.audit.AuditLog;
import org.ferret.registry.CountryCode;
import org.ferret.registry.Deactivation;
import org.ferret.registry.EventId;
import org.ferret.registry.ImportedItemControl;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemKind;
import org.ferret.shared.FerretException;
import org.ferret.standards.Assessment;
import org.ferret.standards.Assessments;
import org.ferret.standards.Assessor;
import org.ferret.standards.FirearmType;
import org.ferret.standards.HumanDecision;
import org.ferret.standards.StandardPack;
import org.ferret.standards.StandardPacks;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** The para 46 gate's choices without a database: refuse or flag, which standard, which firearm type, bad input. */
class ImportGateTest {

    final StandardPacks packs = new StandardPacks();
    final Assessments assessments = mock(Assessments.class);
    final JdbcClient jdbc = mock(JdbcClient.class, Answers.RETURNS_DEEP_STUBS);
    final AuditLog audit = mock(AuditLog.class);

    ImportGate gate(String notPassing) {
        when(assessments.run(any(), any(), any(), any(), anyMap(), anyMap())).thenAnswer(inv -> {
            StandardPack p = packs.get(inv.getArgument(0), inv.getArgument(1));
            FirearmType type = inv.getArgument(2);
            Map<String, Object> facts = inv.getArgument(4);
            Map<String, HumanDecision> decisions = inv.getArgument(5);
            return new Assessment(UUID.randomUUID(), p.id(), p.version(), type, inv.getArgument(3), facts, decisions,
                    Assessor.assess(p, type, facts, decisions), "registrar", Instant.now());
        });
        when(assessments.latest(any(), any())).thenReturn(Optional.empty());
        return new ImportGate(packs, assessments, jdbc, audit, new MockEnvironment()
                .withProperty("ferret.standards.imports-not-passing", notPassing));
    }

    static ImportedItemControl.ImportAssessed deactivatedPistol(Map<String, Object> given) {
        return new ImportedItemControl.ImportAssessed(ItemId.newId(), EventId.newId(), ItemKind.PISTOL, LocalDate.of(2026, 11, 1),
                CountryCode.of("DE"), ImportedItemControl.Concern.DEACTIVATED,
                new Deactivation("DE-1", "BKA rule", "Beschussamt", null), given);
    }

    @Test
    void refuses_by_default_naming_what_is_not_met_by_paragraph() {
        assertThatThrownBy(() -> gate("REFUSE").imported(deactivatedPistol(Map.of("facts", Map.of("pin_diameter", 4.0)))))
                .isInstanceOfSatisfying(FerretException.class, e -> {
                    assertThat(e.getMessage()).contains("eu-2015-2403@2018/337", "imported deactivated firearms");
                    assertThat(e.problems()).extracting(FerretException.FieldProblem::message)
                            .anySatisfy(m -> assertThat(m).contains("Annex I, Table I, 1.2"));
                });
        verify(assessments).run(eq("eu-2015-2403"), eq("2018/337"), eq(FirearmType.PISTOL), any(), anyMap(), anyMap());
    }

    @Test
    void flags_when_so_configured_and_records_it() {
        gate("FLAG").imported(deactivatedPistol(Map.of("facts", Map.of("pin_diameter", 4.0))));
        verify(audit).record(eq("STANDARD_IMPORT_FLAGGED"), eq("standards_import"), any(), isNull(), any());
    }

    @Test
    void an_alarm_weapon_is_assessed_as_one_whatever_kind_it_looks_like() {
        var alarm = new ImportedItemControl.ImportAssessed(ItemId.newId(), EventId.newId(), ItemKind.REVOLVER,
                LocalDate.of(2026, 11, 1), CountryCode.of("TR"), ImportedItemControl.Concern.ALARM_OR_SIGNAL, null, Map.of());
        gate("FLAG").imported(alarm);
        verify(assessments).run(eq("eu-2019-69"), eq("2019/69"), eq(FirearmType.ALARM_WEAPON), any(), anyMap(), anyMap());
    }

    @Test
    void what_the_import_gives_is_checked_naming_the_field() {
        ImportGate g = gate("REFUSE");
        assertThatThrownBy(() -> g.imported(deactivatedPistol(Map.of("fact", Map.of()))))
                .isInstanceOfSatisfying(FerretException.class, e -> assertThat(e.problems())
                        .extracting(FerretException.FieldProblem::field).containsExactly("standardAssessment.fact"));
        assertThatThrownBy(() -> g.imported(deactivatedPistol(Map.of("firearmType", "blunderbuss"))))
                .isInstanceOfSatisfying(FerretException.class, e -> assertThat(e.problems())
                        .extracting(FerretException.FieldProblem::field).containsExactly("standardAssessment.firearmType"));
        assertThatThrownBy(() -> g.imported(deactivatedPistol(Map.of("decisions", Map.of("verification", "yes")))))
                .isInstanceOfSatisfying(FerretException.class, e -> assertThat(e.problems())
                        .extracting(FerretException.FieldProblem::field).containsExactly("standardAssessment.decisions.verification"));
    }

    @Test
    void a_configured_standard_that_is_not_loaded_or_of_another_purpose_stops_the_start() {
        assertThatThrownBy(() -> new ImportGate(packs, assessments, jdbc, audit, new MockEnvironment()
                .withProperty("ferret.standards.import-deactivated", "eu-2019-69@2019/69")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be a deactivation one");
        assertThatThrownBy(() -> new ImportGate(packs, assessments, jdbc, audit, new MockEnvironment()
                .withProperty("ferret.standards.import-alarm", "nope@1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ferret.standards.import-alarm=nope@1");
    }
}
