package org.ferret.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each licensing policy with the provision it cites, and the licence's state machine. */
class LicensingPoliciesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static Licence licence(List<String> transit, TransportMode transport, boolean transhipment, TemporaryPurpose purpose,
            LocalDate expires, List<Licence.Authorisation> answers) {
        return new Licence(LicenceId.newId(), "EXP-FI-2026-TEST", LicenceStatus.APPLIED, UUID.randomUUID(), "Helsinki",
                "FI", "DE", "Verein Berlin", "EUC-1", transport, transhipment, purpose, TODAY, null, expires, transit,
                List.of(new Licence.GoodsLine(1, null, "cartridges", 100, 0)), answers, List.of(), List.of(), null, null,
                null, null, Instant.now());
    }

    static Licence.Authorisation answer(AuthorisationKind kind, String country, LocalDate validUntil) {
        return new Licence.Authorisation(UUID.randomUUID(), kind, country, "REF-" + country, TODAY.minusDays(3),
                validUntil, "licensing", Instant.now(), "licensing");
    }

    @Test
    void without_the_importing_states_authorisation_art_10_2_a_fails() {
        Check c = LicensingPolicies.importAuthorisation(licence(List.of(), TransportMode.ROAD, false, null,
                TODAY.plusMonths(3), List.of()), TODAY);
        assertThat(c.passed()).isFalse();
        assertThat(c.provision()).isEqualTo("Protocol art. 10(2)(a)");
        assertThat(c.reason()).contains("DE");
    }

    @Test
    void an_import_authorisation_of_another_state_does_not_count() {
        Check c = LicensingPolicies.importAuthorisation(licence(List.of(), TransportMode.ROAD, false, null,
                TODAY.plusMonths(3), List.of(answer(AuthorisationKind.IMPORT_AUTHORISATION, "FR", null))), TODAY);
        assertThat(c.passed()).isFalse();
    }

    @Test
    void an_expired_import_authorisation_fails_art_10_2_a() {
        Check c = LicensingPolicies.importAuthorisation(licence(List.of(), TransportMode.ROAD, false, null,
                TODAY.plusMonths(3), List.of(answer(AuthorisationKind.IMPORT_AUTHORISATION, "DE", TODAY.minusDays(1)))),
                TODAY);
        assertThat(c.passed()).isFalse();
        assertThat(c.reason()).contains("expired");
    }

    @Test
    void each_transit_state_needs_its_no_objection_under_art_10_2_b() {
        List<Check> checks = LicensingPolicies.transit(licence(List.of("SE", "DK"), TransportMode.ROAD, false, null,
                TODAY.plusMonths(3), List.of(answer(AuthorisationKind.TRANSIT_NO_OBJECTION, "SE", null))));
        assertThat(checks).extracting(Check::passed).containsExactly(true, false);
        assertThat(checks).extracting(Check::provision).containsOnly("Protocol art. 10(2)(b)");
    }

    @Test
    void a_later_objection_overrides_an_earlier_no_objection() {
        List<Check> checks = LicensingPolicies.transit(licence(List.of("SE"), TransportMode.ROAD, false, null,
                TODAY.plusMonths(3), List.of(answer(AuthorisationKind.TRANSIT_NO_OBJECTION, "SE", null),
                        answer(AuthorisationKind.TRANSIT_OBJECTION, "SE", null))));
        assertThat(checks.getFirst().passed()).isFalse();
        assertThat(checks.getFirst().reason()).contains("objects");
    }

    @Test
    void sea_or_air_without_transhipment_and_temporary_exports_waive_the_transit_notice() {
        assertThat(LicensingPolicies.transit(licence(List.of("IS"), TransportMode.AIR, false, null, TODAY.plusMonths(3),
                List.of())).getFirst()).satisfies(c -> {
                    assertThat(c.passed()).isTrue();
                    assertThat(c.provision()).isEqualTo("Reg. (EU) 258/2012 art. 7(3)");
                });
        assertThat(LicensingPolicies.transit(licence(List.of("IS"), TransportMode.SEA, true, null, TODAY.plusMonths(3),
                List.of())).getFirst().passed()).isFalse();
        assertThat(LicensingPolicies.transit(licence(List.of("SE"), TransportMode.ROAD, false, TemporaryPurpose.HUNTING,
                TODAY.plusMonths(3), List.of())).getFirst().reason()).contains("hunting");
    }

    @Test
    void the_licence_may_not_outlive_the_import_authorisation() {
        Check c = LicensingPolicies.validity(licence(List.of(), TransportMode.ROAD, false, null, TODAY.plusMonths(6),
                List.of(answer(AuthorisationKind.IMPORT_AUTHORISATION, "DE", TODAY.plusMonths(2)))));
        assertThat(c.passed()).isFalse();
        assertThat(c.provision()).isEqualTo("Reg. (EU) 258/2012 art. 7(4)");
    }

    @Test
    void an_embargoed_destination_or_transit_state_fails_and_names_the_source() {
        Check c = LicensingPolicies.embargo(licence(List.of("BY"), TransportMode.ROAD, false, null, TODAY.plusMonths(3),
                List.of()), Map.of("BY", "Council Regulation (EC) 765/2006"));
        assertThat(c.passed()).isFalse();
        assertThat(c.reason()).contains("BY").contains("765/2006");
        assertThat(LicensingPolicies.embargo(licence(List.of(), TransportMode.ROAD, false, null, TODAY.plusMonths(3),
                List.of()), Map.of("BY", "x")).passed()).isTrue();
    }

    @Test
    void the_contents_check_cites_art_10_3() {
        Check c = LicensingPolicies.contents(licence(List.of("SE"), TransportMode.ROAD, false, null, TODAY.plusMonths(3),
                List.of()));
        assertThat(c.passed()).isTrue();
        assertThat(c.provision()).isEqualTo("Protocol art. 10(3)");
    }

    @ParameterizedTest
    @EnumSource(Transition.class)
    void every_transition_is_allowed_only_from_its_statuses(Transition t) {
        List<LicenceStatus> allowed = new ArrayList<>();
        for (LicenceStatus s : LicenceStatus.values()) {
            try {
                assertThat(s.after(t)).isEqualTo(t.result());
                allowed.add(s);
            } catch (LicensingException e) {
                assertThat(e.code()).isEqualTo(org.ferret.shared.ErrorCode.ILLEGAL_TRANSITION);
                assertThat(e.getMessage()).doesNotContain("_").doesNotContain(s.name());
            }
        }
        switch (t) {
            case APPLY -> assertThat(allowed).isEmpty();
            case ISSUE, REFUSE -> assertThat(allowed).containsExactly(LicenceStatus.APPLIED);
            case SUSPEND, EXHAUST -> assertThat(allowed).containsExactly(LicenceStatus.ISSUED);
            case REINSTATE -> assertThat(allowed).containsExactly(LicenceStatus.SUSPENDED);
            case REVOKE, EXPIRE -> assertThat(allowed).containsExactly(LicenceStatus.ISSUED, LicenceStatus.SUSPENDED);
        }
    }

    @Test
    void a_revoked_licence_cannot_be_issued_again() {
        assertThatThrownBy(() -> LicenceStatus.REVOKED.after(Transition.ISSUE)).isInstanceOf(LicensingException.class)
                .hasMessageContaining("revoked");
    }
}
