package io.billwright.engine.ruleset.drools;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.drools.model.ModelRuleSetCompiler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A misspelt fact field is reported as the analyst would put it, with the nearest field, at its line. */
class FieldSuggestionsTest {

    @Test
    void anUnknownFieldSaysDidYouMean() {
        String drl = """
                package test.rules
                import io.billwright.engine.item.TimeEntry
                import io.billwright.engine.facts.Hold
                import io.billwright.engine.decision.ReasonCode

                rule "Non-billable hours are held"
                when
                    $t : TimeEntry( billabel == false )
                then
                    insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, "non-billable"));
                end
                """;

        assertThatThrownBy(() -> new ModelRuleSetCompiler().compile(List.of(RuleSource.of("tm/typo.drl", drl)), null))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("tm/typo.drl:8: TimeEntry has no field \"billabel\": did you mean \"billable\"?")
                .hasMessageContaining("(its fields: ")
                .hasMessageNotContaining("strict-mode");
    }
}
