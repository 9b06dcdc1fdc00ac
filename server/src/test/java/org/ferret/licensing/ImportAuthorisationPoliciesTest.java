package org.ferret.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ferret.registry.ItemKind;
import org.junit.jupiter.api.Test;

/** Each check of an import event against an import authorisation, with the provision it cites. */
class ImportAuthorisationPoliciesTest {

    static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    static final LocalDate UNTIL = LocalDate.of(2027, 4, 30);
    static final UUID IMPORTER = UUID.randomUUID();

    static ImportAuthorisation authorisation(ImportAuthorisationStatus status, int quantity, int used,
            List<ImportAuthorisation.Use> uses) {
        return new ImportAuthorisation(UUID.randomUUID(), "IMP-2026-000001", status, IMPORTER, "DE", FROM, UNTIL,
                List.of(new ImportAuthorisation.Line(1, ItemKind.PISTOL, "Pistols, 9x19mm", quantity, used)), uses,
                Instant.parse("2026-11-01T09:00:00Z"), "licensing", null);
    }

    static ImportAuthorisation issued(int quantity, int used) {
        return authorisation(ImportAuthorisationStatus.ISSUED, quantity, used, List.of());
    }

    @Test
    void an_import_is_made_under_an_authorisation_in_force_art_10_1() {
        assertThat(ImportAuthorisationPolicies.standing(issued(2, 0), FROM).passed()).isTrue();
        Check revoked = ImportAuthorisationPolicies.standing(authorisation(ImportAuthorisationStatus.REVOKED, 2, 0,
                List.of()), FROM);
        assertThat(revoked.passed()).isFalse();
        assertThat(revoked.provision()).isEqualTo("Protocol art. 10(1)");
        assertThat(revoked.reason()).contains("revoked");
        assertThat(ImportAuthorisationPolicies.standing(authorisation(ImportAuthorisationStatus.EXHAUSTED, 1, 1,
                List.of()), FROM).reason()).contains("used up");
    }

    @Test
    void the_import_date_lies_within_the_validity_art_10_3() {
        assertThat(ImportAuthorisationPolicies.validOn(issued(2, 0), FROM).passed()).isTrue();
        assertThat(ImportAuthorisationPolicies.validOn(issued(2, 0), UNTIL).passed()).isTrue();
        Check late = ImportAuthorisationPolicies.validOn(issued(2, 0), UNTIL.plusDays(1));
        assertThat(late.passed()).isFalse();
        assertThat(late.provision()).isEqualTo("Protocol art. 10(3)");
        assertThat(ImportAuthorisationPolicies.validOn(issued(2, 0), FROM.minusDays(1)).passed()).isFalse();
        assertThat(issued(2, 0).statusOn(UNTIL.plusDays(1))).isEqualTo(ImportAuthorisationStatus.EXPIRED);
    }

    @Test
    void the_new_holder_is_the_authorised_importer_art_10_3() {
        assertThat(ImportAuthorisationPolicies.importer(issued(2, 0), IMPORTER).passed()).isTrue();
        Check other = ImportAuthorisationPolicies.importer(issued(2, 0), UUID.randomUUID());
        assertThat(other.passed()).isFalse();
        assertThat(other.provision()).isEqualTo("Protocol art. 10(3)");
        assertThat(ImportAuthorisationPolicies.importer(issued(2, 0), null).reason()).contains("names the importer");
    }

    @Test
    void the_goods_come_from_the_authorised_country_art_10_3() {
        assertThat(ImportAuthorisationPolicies.countryOfExport(issued(2, 0), "DE").passed()).isTrue();
        Check other = ImportAuthorisationPolicies.countryOfExport(issued(2, 0), "AT");
        assertThat(other.passed()).isFalse();
        assertThat(other.reason()).contains("from DE, not AT");
    }

    @Test
    void the_kind_is_covered_with_quantity_left_art_10_3() {
        assertThat(ImportAuthorisationPolicies.covers(issued(2, 1), ItemKind.PISTOL).passed()).isTrue();
        Check usedUp = ImportAuthorisationPolicies.covers(issued(2, 2), ItemKind.PISTOL);
        assertThat(usedUp.passed()).isFalse();
        assertThat(usedUp.reason()).contains("already imported");
        Check otherKind = ImportAuthorisationPolicies.covers(issued(2, 0), ItemKind.REVOLVER);
        assertThat(otherKind.passed()).isFalse();
        assertThat(otherKind.provision()).isEqualTo("Protocol art. 10(3)");
        assertThat(otherKind.reason()).contains("covers no revolver");
    }

    @Test
    void an_authorisation_serves_each_item_once() {
        UUID item = UUID.randomUUID();
        ImportAuthorisation used = authorisation(ImportAuthorisationStatus.ISSUED, 3, 1, List.of(
                new ImportAuthorisation.Use(UUID.randomUUID(), item, 1, FROM, Instant.now(), "registrar")));
        assertThat(ImportAuthorisationPolicies.notReused(used, item).passed()).isFalse();
        assertThat(ImportAuthorisationPolicies.notReused(used, UUID.randomUUID()).passed()).isTrue();
    }
}
