package io.billwright.rules.scenario;

import io.billwright.engine.Outcome;
import java.util.List;
import java.util.stream.Collectors;

/** What running a scenario produced, step by step, and which expectations failed. */
public record ScenarioResult(Scenario scenario, List<StepResult> steps) {

    public record StepResult(Scenario.Step step, Outcome outcome, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    public boolean passed() {
        return steps.stream().allMatch(StepResult::passed);
    }

    /** Every failure as {@code file step N (event): what was expected and what happened}. */
    public String failureReport() {
        return steps.stream().filter(s -> !s.passed())
                .flatMap(s -> s.failures().stream().map(f -> scenario.file() + " step " + s.step().number() + " ("
                        + s.step().label() + "): " + f))
                .collect(Collectors.joining("\n"));
    }
}
