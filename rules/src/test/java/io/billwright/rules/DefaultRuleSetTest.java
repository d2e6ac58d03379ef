package io.billwright.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSet;
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
}
