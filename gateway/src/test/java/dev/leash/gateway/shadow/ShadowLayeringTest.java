package dev.leash.gateway.shadow;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The shadow books are engines on market events: they reach no loop, edge, wiring or journal. */
class ShadowLayeringTest {

    @Test
    void shadowsUseOnlyTheEngineTheFillModelVenueRecordsAndRisk() {
        classes().that().resideInAPackage("dev.leash.gateway.shadow..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.leash.gateway.shadow..",
                        "dev.leash.engine..", "dev.leash.venue.sim..", "dev.leash.venue",
                        "dev.leash.risk..", "java..", "org.slf4j..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.leash.gateway"));
    }
}
