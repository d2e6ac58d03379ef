package io.billwright.engine;

import io.billwright.engine.ruleset.EngineRule;
import io.billwright.engine.billing.Trigger;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.MilestoneTerms;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.money.Money;
import io.billwright.engine.eligibility.ItemVerdict;
import io.billwright.engine.item.ApprovalStatus;
import io.billwright.engine.item.Expense;
import io.billwright.engine.item.MilestoneItem;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.state.ItemRecord;
import io.billwright.engine.state.MilestoneProgress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Milestones: completed, accepted, and billed once accepted with every linked item approved. */
final class MilestoneProgression {

    private final Decider decider;
    private final Packager packager;

    MilestoneProgression(Decider decider, Packager packager) {
        this.decider = decider;
        this.packager = packager;
    }

    void completed(Step step, String milestoneId, LocalDate date) {
        step.state = step.state.withMilestone(milestoneId, step.state.milestone(milestoneId).completed(date));
        decideMilestone(step, milestoneId, date, true);
    }

    void accepted(Step step, String milestoneId, LocalDate date) {
        step.state = step.state.withMilestone(milestoneId, step.state.milestone(milestoneId).accepted(date));
        decideMilestone(step, milestoneId, date, true);
    }

    /** Decides a completed or accepted, unbilled milestone again (a linked item changed, or the contract did). */
    void reconsider(Step step, String milestoneId) {
        MilestoneProgress progress = step.state.milestone(milestoneId);
        LocalDate date = progress.acceptedOn() != null ? progress.acceptedOn() : progress.completedOn();
        if (date != null) {
            decideMilestone(step, milestoneId, date, false);
        }
    }

    void reconsiderAll(Step step) {
        for (String milestoneId : List.copyOf(step.state.milestones().keySet())) {
            reconsider(step, milestoneId);
        }
    }

    private void decideMilestone(Step step, String milestoneId, LocalDate date, boolean report) {
        Contract contract = step.state.contractOn(date).orElse(null);
        MilestoneTerms terms = contract == null ? null : contract.milestone(milestoneId);
        MilestoneProgress progress = step.state.milestone(milestoneId);
        MilestoneItem item = new MilestoneItem(milestoneId, terms == null ? milestoneId : terms.name(),
                terms == null ? null : terms.amount(), progress.completedOn(), progress.acceptedOn(),
                unapprovedLinked(step, milestoneId));
        ItemRecord existing = step.state.recordOf(item);
        if (existing != null && existing.isBilled()) {
            alreadyBilled(step, existing, contract, terms);
            return;
        }
        if (existing != null && ManualDecisions.byHand(existing) && existing.item().equals(item)) {
            // released or written off by hand: decided again only when the milestone itself changes
            return;
        }
        List<String> sources = new ArrayList<>();
        if (existing != null) {
            sources.addAll(existing.sourceEvents());
            decider.revert(step, existing);
        }
        if (!sources.contains(step.eventId())) {
            sources.add(step.eventId());
        }
        ItemVerdict verdict = decider.decide(step, item, date, milestoneId, sources, report ? null : existing, false);
        if (verdict.status() == DecisionStatus.ELIGIBLE && contract != null) {
            packager.issue(step, contract, Trigger.milestone(milestoneId), date, List.of(step.state.recordOf(item)),
                    false);
        }
    }

    /** A billed milestone never changes; a different amount in a later version needs a credit or debit note. */
    private static void alreadyBilled(Step step, ItemRecord billed, Contract contract, MilestoneTerms terms) {
        if (contract == null || terms == null || terms.amount().compareTo(billed.billed()) == 0) {
            step.note(billed.itemId() + " was billed in " + billed.packageId() + ": nothing changed");
            return;
        }
        step.decisions.add(new Decision(billed.itemId(), ItemKind.MILESTONE, DecisionStatus.REJECTED,
                ReasonCode.ALREADY_BILLED, "billed at " + billed.billed().toPlainString() + " in " + billed.packageId()
                + "; contract v" + contract.version() + " says " + terms.amount().toPlainString()
                + ": the difference needs a credit or debit note", Money.zero(contract.currency()),
                new Receipt(step.rules.version().toString(), List.of(EngineRule.ALREADY_BILLED.ruleName()),
                        contract.version(), List.of(step.eventId()))));
    }

    private static List<String> unapprovedLinked(Step step, String milestoneId) {
        List<String> ids = new ArrayList<>();
        for (ItemRecord record : step.state.submittedSorted(r -> milestoneId.equals(r.milestoneId()))) {
            ApprovalStatus status = record.item() instanceof TimeEntry t ? t.status()
                    : record.item() instanceof Expense e ? e.status() : ApprovalStatus.APPROVED;
            // a rejected item will never be approved: it is not billed, and it does not block the milestone
            if (status == ApprovalStatus.SUBMITTED) {
                ids.add(record.itemId() + " (" + status.name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
        }
        return ids;
    }
}
