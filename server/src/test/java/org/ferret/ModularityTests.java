package org.ferret;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Fails the build when a module reaches into another module's internals or modules depend in a cycle. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(FerretApplication.class);

    @Test
    void module_boundaries_hold() {
        MODULES.verify();
    }

    @Test
    void writes_module_documentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
