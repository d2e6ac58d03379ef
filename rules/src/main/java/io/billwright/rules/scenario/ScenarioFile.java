package io.billwright.rules.scenario;

import java.util.List;
import java.util.Map;

/**
 * A scenario file as written: a contract template and the steps that happen to it. Field names here are
 * the YAML keys an analyst writes; unknown keys are errors.
 *
 * @param contract the contract's terms; a {@code contract} step delivers them, with its own changes
 */
record ScenarioFile(String title, String description, Map<String, Object> contract, List<StepFile> steps) {

    /** One step: exactly one event, an optional message id, and what to expect afterwards. */
    record StepFile(String id, Map<String, Object> contract, io.billwright.engine.item.TimeEntry timeEntry,
                    io.billwright.engine.item.Expense expense, MilestoneStep milestoneCompleted,
                    MilestoneStep milestoneAccepted, io.billwright.engine.event.BillingPeriod periodClosed,
                    CompletionStep contractCompleted, Expectation expect) {
    }

    record MilestoneStep(String milestone, java.time.LocalDate date) {
        MilestoneStep {
            java.util.Objects.requireNonNull(milestone, "milestone");
            java.util.Objects.requireNonNull(date, "date");
        }
    }

    record CompletionStep(java.time.LocalDate date) {
        CompletionStep {
            java.util.Objects.requireNonNull(date, "date");
        }
    }
}
