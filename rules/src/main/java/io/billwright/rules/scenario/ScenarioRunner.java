package io.billwright.rules.scenario;

import io.billwright.engine.ruleset.FiringCounter;
import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.InMemoryContractStateStore;
import java.util.ArrayList;
import java.util.List;

/** Runs a scenario through the production engine and checks every expectation. */
public final class ScenarioRunner {

    private final RuleSet ruleSet;

    public ScenarioRunner(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    public ScenarioResult run(Scenario scenario) {
        BillingEngine engine = BillingEngine.using(ruleSet);
        InMemoryContractStateStore store = new InMemoryContractStateStore();
        List<ScenarioResult.StepResult> results = new ArrayList<>();
        for (Scenario.Step step : scenario.steps()) {
            ContractState before = store.loadOrEmpty(step.event().contractId());
            Outcome outcome = engine.apply(step.event(), before);
            store.save(outcome.state());
            if (ruleSet instanceof FiringCounter counter) {
                counter.countEngineRules(outcome.decisions());
            }
            List<String> failures = step.expectation() == null ? List.of()
                    : new ExpectationCheck(step.expectation(), outcome).failures();
            results.add(new ScenarioResult.StepResult(step, outcome, failures));
        }
        return new ScenarioResult(scenario, results);
    }
}
