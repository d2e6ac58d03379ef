package io.billwright.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.reconcile.ContractReconciliation;
import io.billwright.engine.reconcile.Reconciler;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.rules.DefaultRuleSet;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation's invariants hold for every state the default rules reach: after every step of every
 * analyst scenario, each contract's items stand in exactly one place and its positions match its records.
 */
class ScenariosReconcileTest {

    private static final RuleSet RULES = DefaultRuleSet.load();
    private static final LocalDate END_OF_TIME = LocalDate.of(2999, 12, 31);

    @Test
    void everyStateOfEveryScenarioBalances() throws Exception {
        ScenarioReader reader = new ScenarioReader();
        List<String> breaks = new ArrayList<>();
        int states = 0;
        for (Path file : ScenariosTest.scenarioFiles()) {
            ScenarioResult result = new ScenarioRunner(RULES).run(reader.read(file));
            for (ScenarioResult.StepResult step : result.steps()) {
                ContractReconciliation reconciliation = Reconciler.reconcile(step.outcome().state(), END_OF_TIME);
                reconciliation.breaks().forEach(b -> breaks.add(file + " step " + step.step().number() + ": " + b));
                states++;
            }
        }
        assertThat(states).isGreaterThan(300);
        assertThat(breaks).isEmpty();
    }
}
