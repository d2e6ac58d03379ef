package io.billwright.engine.ruleset.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleLintTest {

    private final RuleLint lint = new RuleLint();

    @Test
    void acceptsADescribedRuleOverTheFactModel() {
        RuleSource drl = RuleSource.of("tm/rates.drl", """
                package billwright.tm
                import io.billwright.engine.item.TimeEntry
                import java.math.BigDecimal
                import java.util.List
                // System.exit in a comment is no call
                rule "T&M: approved hours at the rate"
                    @description("Approved hours are charged. Never calls System.exit, says the text.")
                when
                    $t : TimeEntry( hours > 0 )
                then
                    BigDecimal rate = new BigDecimal("10.00");
                end
                """);

        assertThat(lint.check(List.of(drl), List.of(rule("billwright.tm", "T&M: approved hours at the rate",
                "Approved hours are charged.")))).isEmpty();
    }

    @Test
    void refusesTheProcessReflectionThreadsFilesAndTheNetworkWhereverTheyAppear() {
        RuleSource drl = RuleSource.of("tm/danger.drl", """
                package billwright.tm
                import java.io.File
                import java.util.concurrent.Executors

                function void leak() {
                    Runtime.getRuntime().exec("rm -rf /");
                }

                rule "Dangerous rule"
                    @description("Does what rules must not.")
                when
                    $t : Object()
                then
                    System.out.println($t.getClass().getName());
                    new Thread(() -> {}).start();
                    java.net.Socket s = null;
                end
                """);

        List<String> findings = lint.check(List.of(drl), List.of(rule("billwright.tm", "Dangerous rule", "x")))
                .stream().map(Finding::toString).toList();

        assertThat(findings).contains(
                "tm/danger.drl:2: error: import java.io.File is not allowed: rules may use only the fact model"
                        + " (io.billwright.engine), java.math, java.time and java.util collections",
                "tm/danger.drl:6: error: Runtime is not allowed in a rule: a rule may not reach the process or the"
                        + " machine",
                "tm/danger.drl:14: error: System is not allowed in a rule: a rule may not reach the process or the"
                        + " machine",
                "tm/danger.drl:14: error: getClass is not allowed in a rule: reflection can reach anything on the"
                        + " server",
                "tm/danger.drl:15: error: Thread is not allowed in a rule: rules run on the service's threads and"
                        + " must not start their own");
        assertThat(findings).anyMatch(f -> f.startsWith("tm/danger.drl:3: error: import java.util.concurrent.Executors"));
        assertThat(findings).anyMatch(f -> f.startsWith("tm/danger.drl:16: error: java.net.Socket is not allowed"));
        assertThat(findings).anyMatch(f -> f.startsWith("tm/danger.drl:6: error: exec is not allowed"));
    }

    @Test
    void wantsReadableUniqueDescribedNamesAndPackagesThatMatchTheirFolder() {
        RuleSource first = RuleSource.of("tax/a.drl", """
                package billwright.taxes
                rule "Domestic VAT"
                when
                then
                end
                """);
        RuleSource second = RuleSource.of("retention/b.drl", """
                package billwright.retention
                rule "Domestic VAT"
                    @description("Same name, other package.")
                when then end
                rule Rule_12
                    @description("A generated name.")
                when then end
                """);

        List<String> findings = lint.check(List.of(first, second), List.of(
                rule("billwright.taxes", "Domestic VAT", ""), rule("billwright.retention", "Domestic VAT", "Same"),
                rule("billwright.retention", "Rule_12", "A generated name."))).stream().map(Finding::toString).toList();

        assertThat(findings).contains(
                "tax/a.drl:1: warning: package billwright.taxes does not match the folder tax/: name it billwright.tax"
                        + " (or move the file), so the rule is found where its package says it is",
                "tax/a.drl:2: error: rule \"Domestic VAT\" has no description: add @description(\"...\") under its"
                        + " name; every decision receipt shows it",
                "retention/b.drl:5: error: rule \"Rule_12\" has a generated name: give it a name a business reader"
                        + " understands (a NAME column in a decision table)");
        assertThat(findings).anyMatch(f -> f.contains("two rules are named \"Domestic VAT\""));
    }

    @Test
    void aDecisionTableIsDescribedByItsNotes() {
        RuleSource undescribed = RuleSource.of("tax/rates.drl.csv", "RuleSet,billwright.tax\nRuleTable Rates\n");
        RuleSource described = RuleSource.of("tax/more.drl.csv", "RuleSet,billwright.tax\nNotes,\"Rates by country\"\n");

        assertThat(lint.check(List.of(undescribed, described), List.of())).extracting(Finding::toString)
                .containsExactly("tax/rates.drl.csv:0: error: decision table has no description: add a row"
                        + " 'Notes,<what the table decides>' above the RuleTable");
    }

    private static RuleInfo rule(String pkg, String name, String description) {
        return new RuleInfo(pkg, name, description);
    }
}
