package io.billwright.rules;

import io.billwright.engine.ruleset.EngineRule;
import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.drools.model.ModelRuleSetCompiler;
import io.billwright.rules.scenario.ScenarioReader;
import io.billwright.rules.scenario.ScenarioResult;
import io.billwright.rules.scenario.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A "weekend at 1.5x" rule written beside the base rate rule: both price a Saturday entry. Charges from
 * two rules are never added up (ADR 0011): the item is held, and the decision, the receipt and the failed
 * scenario name both rules.
 */
class ChargeConflictTest {

    private static final String WEEKEND = """
            package billwright.tm
            import io.billwright.engine.item.TimeEntry
            import io.billwright.engine.item.ApprovalStatus
            import io.billwright.engine.contract.Contract
            import io.billwright.engine.facts.Charge

            rule "T&M: weekend hours at 1.5 times the rate"
                @description("Approved hours on a Saturday or Sunday are charged at one and a half times the rate.")
            when
                $c : Contract()
                $t : TimeEntry( status == ApprovalStatus.APPROVED, billable == true, date.dayOfWeek.value >= 6 )
            then
                insert(Charge.of($t, $c.rateCard().rateFor($t.role()).multiply($t.hours()).multiply(new java.math.BigDecimal("1.5")),
                        "weekend rate"));
            end
            """;

    private static final String SCENARIO = """
            title: A Saturday entry priced by the base rule and the weekend rule
            contract:
              id: C-WE-1
              version: 1
              status: APPROVED
              effectiveFrom: 2026-01-01
              currency: EUR
              billingModel: TIME_AND_MATERIALS
              customer: { id: ACME-DE, name: Acme GmbH, country: DE, taxId: DE123456789 }
              seller: { id: BW-DE, country: DE }
              rateCard: { CONSULTANT: "120.00" }
              erpTarget: NETSUITE
            steps:
              - contract: {}
              - timeEntry: { id: TE-1, person: anna, role: CONSULTANT, date: 2026-01-10, hours: "8", status: APPROVED }
                expect:
                  decisions:
                    - { item: TE-1, status: ELIGIBLE, amount: "1440.00" }
            """;

    @TempDir
    Path tmp;

    @Test
    void twoRulesPricingOneItemHoldItNamingBoth() throws Exception {
        List<RuleSource> sources = new ArrayList<>(DefaultRuleSet.sources());
        sources.add(RuleSource.of("tm/weekend.drl", WEEKEND));
        RuleSet rules = new ModelRuleSetCompiler().compile(sources, "weekend");
        Path file = Files.writeString(tmp.resolve("weekend.yaml"), SCENARIO);

        ScenarioResult result = new ScenarioRunner(rules).run(new ScenarioReader().read(file));

        Decision decision = result.steps().get(1).outcome().decisions().get(0);
        assertThat(decision.status()).isEqualTo(DecisionStatus.HELD);
        assertThat(decision.reason()).isEqualTo(ReasonCode.CHARGE_RULES_CONFLICT);
        assertThat(decision.amount().amount()).isZero();
        assertThat(decision.receipt().rules()).containsExactlyInAnyOrder("T&M: approved billable hours at the rate card rate",
                "T&M: weekend hours at 1.5 times the rate", EngineRule.CHARGE_RULES_CONFLICT.ruleName());
        assertThat(decision.detail()).contains("\"T&M: approved billable hours at the rate card rate\" charged 960.00",
                "\"T&M: weekend hours at 1.5 times the rate\" charged 1440.00", "never added up");
        assertThat(result.failureReport()).contains("was HELD CHARGE_RULES_CONFLICT because:",
                "T&M: weekend hours at 1.5 times the rate");
    }
}
