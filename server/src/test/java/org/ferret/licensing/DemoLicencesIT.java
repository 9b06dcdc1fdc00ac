package org.ferret.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The demo loads its export licences beside the items: one issued, one waiting for a transit state. */
@FerretIntegrationTest
@TestPropertySource(properties = {"ferret.demo-data=true", "ferret.demo-data.items=60"})
class DemoLicencesIT {

    @Autowired
    Licensing licensing;

    @Autowired
    ImportAuthorisations imports;

    @Test
    void the_demo_has_an_issued_licence_and_one_blocked_on_a_transit_state() {
        List<Licence> demo = licensing.search("EUC-DEMO", null, null, 10);
        assertThat(demo).extracting(Licence::status).containsExactlyInAnyOrder(LicenceStatus.ISSUED, LicenceStatus.APPLIED);
        Licence waiting = demo.stream().filter(l -> l.status() == LicenceStatus.APPLIED).findFirst().orElseThrow();
        assertThat(licensing.checks(waiting)).filteredOn(c -> !c.passed()).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("DK"));
        assertThat(licensing.unlicensedExports(500)).isNotEmpty();
        // an import authorisation issued here, drawn down by one demo item imported under it; older imports flagged
        assertThat(imports.search(null, null, "DE", null, 10)).singleElement().satisfies(a -> {
            assertThat(a.lines().getFirst().used()).isEqualTo(1);
            assertThat(a.uses()).hasSize(1);
        });
        assertThat(imports.unauthorisedImports(500)).isNotEmpty();
    }
}
