package io.billwright.engine.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineRuleTest {

    private static final String PRECEDENCE = EngineRule.PRECEDENCE.ruleName();

    @Test
    void theRuleBehindADecisionPassesOverThePrecedence() {
        assertThat(EngineRule.ruleBehind(List.of("charge", "hold", PRECEDENCE))).isEqualTo("hold");
        assertThat(EngineRule.ruleBehind(List.of("charge", "hold"))).isEqualTo("hold");
        assertThat(EngineRule.ruleBehind(List.of(EngineRule.NO_RULE_MATCHED.ruleName())))
                .isEqualTo(EngineRule.NO_RULE_MATCHED.ruleName());
        assertThat(EngineRule.ruleBehind(List.of(PRECEDENCE))).as("nothing else to name").isEqualTo(PRECEDENCE);
        assertThat(EngineRule.ruleBehind(List.of())).isNull();
    }
}
