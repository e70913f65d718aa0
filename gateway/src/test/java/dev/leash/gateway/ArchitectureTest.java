package dev.leash.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The allowed dependencies between Leash's modules and packages, checked on the main classes of every module the
 * gateway is built from. Maven already refuses a cycle between modules; these rules hold what Maven cannot see: what a
 * module may import of the JDK and of the others, and no cycle between packages inside a module.
 */
@AnalyzeClasses(packages = "dev.leash", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule riskGuardDependsOnTheJdkOnly = classes().that().resideInAPackage("dev.leash.risk..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.leash.risk..", "java..");

    @ArchTest
    static final ArchRule commonDependsOnTheJdkOnly = classes().that().resideInAPackage("dev.leash.common..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.leash.common..", "java..");

    @ArchTest
    static final ArchRule theEngineIsPure = classes().that().resideInAPackage("dev.leash.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.leash.engine..", "dev.leash.risk..", "java..")
            .because("the engine runs live, in backtests and in shadow books: time and events are its arguments, "
                    + "no venue type, no I/O, no clock");

    @ArchTest
    static final ArchRule venuesKnowNothingOfLeash = noClasses().that().resideInAPackage("dev.leash.venue..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.leash.risk..", "dev.leash.params..", "dev.leash.engine..", "dev.leash.backtest..",
                    "dev.leash.journal..", "dev.leash.gateway..");

    @ArchTest
    static final ArchRule backtestsDoNotReachTheGateway = noClasses().that().resideInAPackage("dev.leash.backtest..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.leash.gateway..", "dev.leash.journal..",
                    "dev.leash.params..")
            .because("a backtest is the engine over a file against the simulated exchange, nothing of a live gateway");

    @ArchTest
    static final ArchRule theJournalDoesNotReachTheGateway = noClasses().that().resideInAPackage("dev.leash.journal..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.leash.gateway..", "dev.leash.backtest..");

    @ArchTest
    static final ArchRule theParamStoreSeesOnlyRiskGuard = noClasses().that().resideInAPackage("dev.leash.params..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.leash.engine..", "dev.leash.venue..",
                    "dev.leash.backtest..", "dev.leash.journal..", "dev.leash.gateway..");

    @ArchTest
    static final ArchRule theJournalKeepsItsInternals = noClasses().that().resideOutsideOfPackage("dev.leash.journal..")
            .should().dependOnClassesThat().resideInAPackage("dev.leash.journal.internal..");

    @ArchTest
    static final ArchRule theEdgesReachTheGatewayOnlyThroughInterfaces = noClasses()
            .that().resideInAnyPackage("dev.leash.gateway.api..", "dev.leash.gateway.metrics..",
                    "dev.leash.gateway.events..", "dev.leash.gateway.web..")
            .should().dependOnClassesThat().resideInAPackage("dev.leash.gateway.app..")
            .because("REST, metrics, events and the dashboard see the running gateway through the narrow read and "
                    + "command interfaces the wiring implements, never the wiring class");

    @ArchTest
    static final ArchRule noCycleBetweenModules = slices().matching("dev.leash.(*)..").should().beFreeOfCycles();

    /** Each top-level package with its subpackages is one slice. */
    @ArchTest
    static final ArchRule noCycleInsideTheGateway = slices().matching("dev.leash.gateway.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule noCycleInsideTheVenues = slices().matching("dev.leash.venue.(*)..").should()
            .beFreeOfCycles();
}
