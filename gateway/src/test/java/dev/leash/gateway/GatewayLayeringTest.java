package dev.leash.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The gateway's layering, checked on its compiled main classes: who may import whom, and no package cycles. */
class GatewayLayeringTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.leash.gateway");
    }

    /** Each top-level package with its subpackages is one slice (journal with journal.internal, as a module will). */
    @Test
    void noPackageDependsOnItselfThroughACycle() {
        slices().matching("dev.leash.gateway.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void restAndMetricsReachTheGatewayOnlyThroughInterfacesNotTheWiring() {
        noClasses().that().resideInAnyPackage("dev.leash.gateway.api..", "dev.leash.gateway.metrics..")
                .should().dependOnClassesThat().resideInAPackage("dev.leash.gateway.app..")
                .check(main);
    }

    @Test
    void engineDependsOnlyOnRiskAndTheJdk() {
        classes().that().resideInAPackage("dev.leash.gateway.engine..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.leash.gateway.engine..", "dev.leash.risk..", "java..")
                .check(main);
    }

    @Test
    void venuesAndTheSimulatorDependOnNothingElseOfLeash() {
        noClasses().that().resideInAnyPackage("dev.leash.gateway.venue..", "dev.leash.gateway.sim..")
                .should().dependOnClassesThat(resideInAPackage("dev.leash..")
                        .and(not(resideInAnyPackage("dev.leash.gateway.venue..", "dev.leash.gateway.sim.."))))
                .check(main);
    }

    @Test
    void backtestAndJournalDependOnNeitherTheLoopsNorTheEdges() {
        noClasses().that().resideInAnyPackage("dev.leash.gateway.backtest..", "dev.leash.gateway.journal..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.leash.gateway.loop..",
                        "dev.leash.gateway.app..", "dev.leash.gateway.api..", "dev.leash.gateway.cli..",
                        "dev.leash.gateway.config..", "dev.leash.gateway.metrics..")
                .check(main);
    }
}
