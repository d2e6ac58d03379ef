package io.billwright.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultRuleSetTest {

    @Test
    void compilesEveryFileIncludingTheTaxRateTable() {
        RuleSet ruleSet = DefaultRuleSet.load();

        assertThat(ruleSet.version().label()).isEqualTo("default");
        assertThat(ruleSet.version().hash()).hasSize(12);
        assertThat(ruleSet.rules()).extracting(RuleInfo::name)
                .contains("T&M: approved billable hours at the rate card rate", "DE VAT 19% (UStG s.12(1))");
    }

    @Test
    void everyHandWrittenRuleHasADescription() {
        assertThat(DefaultRuleSet.load().rules())
                .filteredOn(rule -> !rule.packageName().equals("billwright.tax") || rule.name().startsWith("Tax:"))
                .allSatisfy(rule -> assertThat(rule.description()).as(rule.name()).isNotBlank());
    }

    @Test
    void theCompilerEveryRuleSetGoesThroughRefusesOneTheLintFindsErrorsIn() {
        List<RuleSource> sources = new ArrayList<>(DefaultRuleSet.sources());
        sources.add(RuleSource.of("tm/peek.drl", """
                package billwright.tm
                import io.billwright.engine.item.TimeEntry
                rule "T&M: print every entry"
                    @description("Prints.")
                when
                    $t : TimeEntry()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/x"), $t.toString());
                end
                """));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DefaultRuleSet.compiler().compile(sources, "x"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("tm/peek.drl:8: java.nio.file.Files is not allowed");
    }
}
