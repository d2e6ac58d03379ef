package io.billwright.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.lint.Finding;
import io.billwright.rules.DefaultRuleSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rule code the bytecode check lets through (it calls only allowed classes) can still take too long or too
 * much memory; the scenarios run in a JVM of their own, which such code ends, with a finding, while this
 * JVM carries on.
 */
class IsolatedScenariosTest {

    private static final List<Path> ONE_SCENARIO = List.of(Path.of("src/test/resources/scenarios/tm/hours-billed-at-period-close.yaml"));
    private static final ScenarioLimits TIGHT = new ScenarioLimits(128, Duration.ofSeconds(3), Duration.ofSeconds(2),
            Duration.ofSeconds(60));

    private static List<RuleSource> withRule(String consequence) {
        List<RuleSource> sources = new ArrayList<>(DefaultRuleSet.sources());
        sources.add(RuleSource.of("tm/expensive.drl", """
                package billwright.tm
                import io.billwright.engine.item.TimeEntry
                import io.billwright.engine.facts.Hold
                import io.billwright.engine.decision.ReasonCode

                rule "Expensive rule"
                    @description("Does something costly for every entry.")
                when
                    $t : TimeEntry()
                then
                """ + consequence + "\nend\n"));
        return sources;
    }

    private static RuleSetCheck check(List<RuleSource> sources) {
        return RuleSetCheck.of(sources, "candidate", null, ONE_SCENARIO, RuleSetCheck.Isolation.SEPARATE_JVM, TIGHT);
    }

    @Test
    void aRuleThatAllocatesWithoutBoundEndsItsCheckingJvmNotThisOne() {
        RuleSetCheck check = check(withRule("""
                    String big = "x".repeat(400_000_000);
                    insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, big.substring(0, 1)));
                """));

        assertThat(check.passed()).isFalse();
        assertThat(check.findings()).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("the scenarios ran out of memory (their JVM has 128 MB)"));
    }

    @Test
    void aRuleThatRunsTooLongIsStoppedAtTheScenarioLimit() {
        long started = System.nanoTime();
        RuleSetCheck check = check(withRule("""
                    // millions of multiplications of 8,192-bit numbers: long, and light on memory
                    java.math.BigInteger slow = java.math.BigInteger.valueOf(7).modPow(java.math.BigInteger.TWO.pow(3_000_000),
                            java.math.BigInteger.TWO.pow(8192).subtract(java.math.BigInteger.ONE));
                    insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, "bits " + slow.bitLength()));
                """));

        assertThat(check.passed()).isFalse();
        assertThat(check.findings()).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("the scenario did not finish within 3000 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aRuleSetThatFiresWithoutEndHoldsItsItemsAndFailsItsScenarios() {
        List<RuleSource> sources = withRule("insert(new Object());");
        sources.add(RuleSource.of("tm/echo.drl", """
                package billwright.tm

                rule "Echo every object"
                    @description("Inserts another object for every object: fires without end.")
                when
                    $o : Object()
                then
                    insert(new Object());
                end
                """));

        RuleSetCheck check = check(sources);

        assertThat(check.passed()).isFalse();
        // stopped by the firing limit or the time limit, whichever comes first on this machine
        assertThat(check.findings()).extracting(Finding::message)
                .anyMatch(m -> m.matches("(?s).*(RULE_TIMEOUT|times without settling).*"));
    }

    @Test
    void theDefaultRuleSetPassesInItsCheckingJvmWithCoverage() {
        RuleSetCheck check = RuleSetCheck.of(DefaultRuleSet.sources(), "default", null, ONE_SCENARIO,
                RuleSetCheck.Isolation.SEPARATE_JVM, TIGHT);

        assertThat(check.passed()).as(check.findings().toString()).isTrue();
        assertThat(check.coverage().get("T&M: approved billable hours at the rate card rate")).isPositive();
    }
}
