package io.billwright.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine stays free of frameworks, and Drools stays behind its adapter. */
@AnalyzeClasses(packages = "io.billwright.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineDoesNotUseSpring = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .as("the engine has no Spring dependency");

    @ArchTest
    static final ArchRule engineDoesNotUseMessagingOrJdbc = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.rabbitmq..", "java.sql..", "javax.sql..",
                    "jakarta..")
            .as("the engine knows no broker, no database and no container API");

    @ArchTest
    static final ArchRule droolsStaysInItsAdapter = noClasses()
            .that().resideOutsideOfPackage("io.billwright.engine.ruleset.drools..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "org.mvel2..")
            .as("Drools (KIE) types are used only in io.billwright.engine.ruleset.drools");

    @ArchTest
    static final ArchRule engineNeverReadsTheWallClock = noClasses()
            .should().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .as("the engine is deterministic: time comes from events, never from the clock");
}
