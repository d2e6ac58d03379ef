package io.billwright.rules.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetDiffTest {

    private static final String RATES_HEADER = "RuleSet,billwright.tax\nRuleTable Standard tax rates\nNAME,CONDITION,ACTION\n"
            + "Rule (and source),Jurisdiction,Rate %\n";

    @Test
    void namesTheRulesAddedRemovedAndChangedByTheirTextDescriptionOrPackage() {
        List<RuleSource> before = List.of(
                RuleSource.of("tm/tm.drl", """
                        package billwright.tm
                        rule "rate card"
                        when
                            $t : TimeEntry( hours > 0 )
                        then
                        end

                        rule "old hold"
                        when
                        then
                        end

                        rule "described"
                        when
                        then
                        end
                        """),
                RuleSource.of("tax/tax-rates.drl.csv", RATES_HEADER + "DE VAT 19%,DE,19\nFR VAT 20%,FR,20\n"));
        List<RuleSource> after = List.of(
                RuleSource.of("tm/tm.drl", """
                        package billwright.tm
                        // a comment and other spacing are no change
                        rule "rate card"
                        when
                            $t : TimeEntry(   hours > 0 )
                        then
                        end

                        rule "described"
                        when
                        then
                        end

                        rule "weekend rate"
                        when
                        then
                        end
                        """),
                RuleSource.of("tax/tax-rates.drl.csv", RATES_HEADER + "DE VAT 19%,DE,16\nFR VAT 20%,FR,20\n"));

        RuleSetDiff diff = RuleSetDiff.between(
                List.of(tm("rate card", ""), tm("old hold", ""), tm("described", "before"), tax("DE VAT 19%"),
                        tax("FR VAT 20%")), before,
                List.of(tm("rate card", ""), tm("described", "after"), tm("weekend rate", ""), tax("DE VAT 19%"),
                        tax("FR VAT 20%")), after);

        assertThat(diff.changes()).extracting(change -> change.kind().word() + " " + change.name() + " " + change.file())
                .containsExactly("added weekend rate tm/tm.drl", "removed old hold tm/tm.drl",
                        "changed described tm/tm.drl", "changed DE VAT 19% tax/tax-rates.drl.csv");
        assertThat(diff.unchanged()).isEqualTo(2);
        assertThat(diff.counts()).isEqualTo("1 added, 1 removed, 2 changed");
        RuleChange described = diff.changes().get(2);
        assertThat(described.textChanged()).as("only its description changed").isFalse();
        RuleChange rate = diff.changes().get(3);
        assertThat(rate.textChanged()).isTrue();
        assertThat(rate.textBefore().text()).isEqualTo("DE VAT 19%,DE,19");
        assertThat(rate.textAfter().text()).isEqualTo("DE VAT 19%,DE,16");
    }

    @Test
    void theSameRulesAreNoChange() {
        List<RuleSource> sources = List.of(RuleSource.of("a.drl", "package p\nrule \"a\"\nwhen\nthen\nend\n"));

        RuleSetDiff diff = RuleSetDiff.between(List.of(tm("a", "")), sources, List.of(tm("a", "")), sources);

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.unchanged()).isEqualTo(1);
    }

    private static RuleInfo tm(String name, String description) {
        return new RuleInfo("billwright.tm", name, description);
    }

    private static RuleInfo tax(String name) {
        return new RuleInfo("billwright.tax", name, "");
    }
}
