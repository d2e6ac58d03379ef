package io.billwright.engine.ruleset.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billwright.engine.contract.ContractId;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.eligibility.ItemAssessor;
import io.billwright.engine.eligibility.ItemVerdict;
import io.billwright.engine.item.ApprovalStatus;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.RuleTimeoutException;
import io.billwright.engine.ruleset.drools.model.ModelRuleSetCompiler;
import io.billwright.engine.state.ContractState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule set that keeps firing is stopped at its time limit, and the item it was deciding is held. */
class RuleTimeLimitTest {

    /** Each firing inserts the next tick: a chain that only the limit (or the firing cap) ends. */
    private static final String RUNAWAY = """
            package test.rules
            import io.billwright.engine.item.TimeEntry

            declare Tick
                n : int
            end

            rule "Start ticking"
            when
                $t : TimeEntry()
            then
                insert(new Tick(0));
            end

            rule "Tick again"
            when
                $k : Tick()
            then
                insert(new Tick($k.getN() + 1));
            end
            """;

    private final RuleSet rules = new ModelRuleSetCompiler().compile(List.of(RuleSource.of("tm/runaway.drl", RUNAWAY)),
            "runaway");
    private final TimeEntry entry = new TimeEntry("te-1", "ana", "SENIOR", LocalDate.of(2026, 3, 2), new BigDecimal("8"),
            true, ApprovalStatus.APPROVED, null, false, null, "work");

    @Test
    void anEvaluationPastItsLimitIsHaltedAndSaysWhichRuleWasFiring() {
        assertThatThrownBy(() -> rules.withTimeLimit(Duration.ofMillis(5)).evaluate(List.of(entry)))
                .isInstanceOf(RuleTimeoutException.class)
                .hasMessageContaining("still firing after 5 ms")
                .hasMessageMatching(".*the last of rule \"(Start ticking|Tick again)\".*");
    }

    @Test
    void theItemIsHeldWithRuleTimeoutAndNothingCharged() {
        ItemVerdict verdict = new ItemAssessor().assess(rules.withTimeLimit(Duration.ofMillis(5)), entry, ItemKind.TIME,
                null, ContractState.empty(new ContractId("c-1")), List.of("evt-1"), false);

        assertThat(verdict.status()).isEqualTo(DecisionStatus.HELD);
        assertThat(verdict.reason()).isEqualTo(ReasonCode.RULE_TIMEOUT);
        assertThat(verdict.eligible()).isZero();
        assertThat(verdict.decisions().get(0).receipt().ruleSetVersion()).startsWith("runaway@");
    }
}
