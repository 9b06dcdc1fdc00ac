package org.ferret;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Fails the build when a module reaches into another module's internals, depends on a module its
 * {@code package-info} does not allow, or modules depend in a cycle.
 */
class ModularityTests {

    /**
     * The application's modules. The screening library ({@code screening/}, package {@code org.ferret.screening})
     * shares the base package but is a plain library used like any other dependency, not a module of the
     * application, so its classes are left out; so is the print-file library ({@code prints/}, package
     * {@code org.ferret.printfiles}), which the module {@code org.ferret.prints} uses.
     */
    static final ApplicationModules MODULES = ApplicationModules.of(FerretApplication.class,
            JavaClass.Predicates.resideInAnyPackage("org.ferret.screening..", "org.ferret.printfiles.."));

    @Test
    void module_boundaries_hold() {
        MODULES.verify();
    }

    /** Without a declared list a module may depend on any other; every module says which arrows it intends. */
    @Test
    void every_module_declares_the_modules_it_may_depend_on() {
        MODULES.forEach(module -> {
            String pkg = module.getBasePackage().getName();
            ApplicationModule declared;
            try {
                declared = Class.forName(pkg + ".package-info").getAnnotation(ApplicationModule.class);
            } catch (ClassNotFoundException e) {
                declared = null;
            }
            assertThat(declared).as("module %s has a package-info with @ApplicationModule", pkg).isNotNull();
            if (declared.type() != ApplicationModule.Type.OPEN) {
                assertThat(declared.allowedDependencies()).as("allowed dependencies of %s", pkg).isNotEmpty();
            }
        });
    }

    @Test
    void the_screening_library_is_not_taken_for_an_application_module() {
        assertThat(MODULES.getModuleByName("screening")).isEmpty();
        assertThat(MODULES.getModuleByName("printfiles")).isEmpty();
        assertThat(MODULES.getModuleByName("prints")).isPresent();
        assertThat(MODULES.getModuleByName("cli")).isPresent();
    }

    /** Parcel screening is a module of its own that uses the library and reaches the registry only through its API. */
    @Test
    void parcels_is_a_module_that_uses_the_registry_through_its_api() {
        var parcels = MODULES.getModuleByName("parcels").orElseThrow();
        assertThat(parcels.getDirectDependencies(MODULES).stream().map(m -> m.getTargetModule().getIdentifier().toString()).distinct())
                .isSubsetOf("registry", "licensing", "audit", "identity", "shared");
    }

    /** A CN23 box 12 licence is checked by parcels asking licensing (issue 13); licensing never reaches parcels. */
    @Test
    void parcels_depends_on_licensing_and_never_the_other_way() {
        var licensing = MODULES.getModuleByName("licensing").orElseThrow();
        var parcels = MODULES.getModuleByName("parcels").orElseThrow();
        assertThat(parcels.getDirectDependencies(MODULES).stream().map(m -> m.getTargetModule().getIdentifier().toString()))
                .contains("licensing");
        assertThat(licensing.getAllDependencies(MODULES).stream().map(m -> m.getTargetModule().getIdentifier().toString()))
                .doesNotContain("parcels");
    }

    @Test
    void writes_module_documentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
