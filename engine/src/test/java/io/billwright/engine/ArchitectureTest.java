package io.billwright.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
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
            // the one exception: an evaluation's time limit measures elapsed time, and what it decides
            // (RULE_TIMEOUT) says so in the receipt
            .that().haveNameNotMatching("io\\.billwright\\.engine\\.ruleset\\.drools\\.DroolsRuleSet(\\$.*)?")
            .should().callMethodWhere(DescribedPredicate.describe("a read of the wall clock",
                    (JavaMethodCall call) -> readsTheClock(call.getTargetOwner().getName(), call.getName())))
            .as("the engine is deterministic: time comes from events, never from the clock");

    static boolean readsTheClock(String owner, String method) {
        boolean javaTime = owner.startsWith("java.time.");
        return javaTime && (method.equals("now") || method.startsWith("system"))
                || owner.equals("java.lang.System") && (method.equals("currentTimeMillis") || method.equals("nanoTime"));
    }

    @org.junit.jupiter.api.Test
    void theClockRuleRecognisesEveryWayToReadTheClock() {
        org.assertj.core.api.Assertions.assertThat(readsTheClock("java.time.LocalDateTime", "now")).isTrue();
        org.assertj.core.api.Assertions.assertThat(readsTheClock("java.time.Clock", "systemUTC")).isTrue();
        org.assertj.core.api.Assertions.assertThat(readsTheClock("java.time.LocalDate", "now")).isTrue();
        org.assertj.core.api.Assertions.assertThat(readsTheClock("java.lang.System", "currentTimeMillis")).isTrue();
        org.assertj.core.api.Assertions.assertThat(readsTheClock("java.time.LocalDate", "parse")).isFalse();
    }
}
