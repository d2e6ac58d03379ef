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
                    CompletionStep contractCompleted, ManualStep manualDecision, Expectation expect) {
    }

    record MilestoneStep(String milestone, java.time.LocalDate date) {
        MilestoneStep {
            java.util.Objects.requireNonNull(milestone, "milestone");
            java.util.Objects.requireNonNull(date, "date");
        }
    }

    /**
     * Finance releases a held item or writes it off ({@code io.billwright.item.manually-decided.v1}).
     *
     * @param itemId    the item as the state keeps it: {@code TIME_ENTRY:TE-1}, {@code EXCESS:TIME_ENTRY:TE-2}
     * @param requestId defaults to the step's message id
     */
    record ManualStep(String itemId, io.billwright.engine.event.ManualAction action, String reason, String requestedBy,
                      String approvedBy, String requestId) {
        ManualStep {
            java.util.Objects.requireNonNull(itemId, "itemId");
            java.util.Objects.requireNonNull(action, "action");
            java.util.Objects.requireNonNull(reason, "reason");
            java.util.Objects.requireNonNull(requestedBy, "requestedBy");
            java.util.Objects.requireNonNull(approvedBy, "approvedBy");
        }
    }

    record CompletionStep(java.time.LocalDate date) {
        CompletionStep {
            java.util.Objects.requireNonNull(date, "date");
        }
    }
}
