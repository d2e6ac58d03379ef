package io.billwright.engine;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.eligibility.ItemAssessor;
import io.billwright.engine.eligibility.ItemVerdict;
import io.billwright.engine.item.Excess;
import io.billwright.engine.item.Item;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.item.MilestoneItem;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Decides items and keeps the contract's positions (cap used, retainer hours) in step with the decisions. */
final class Decider {

    private final ItemAssessor assessor = new ItemAssessor();

    /**
     * Decides {@code item} with the contract version in force on {@code date} and records the result.
     *
     * @param previous the item's former record when it is decided again (already reverted), else null;
     *                 with a previous record, decisions are reported only when something changed
     * @param optional true when no conclusion means "nothing to do" rather than a gap in the rules
     */
    ItemVerdict decide(Step step, Item item, LocalDate date, String milestoneId, List<String> sources,
                       ItemRecord previous, boolean optional) {
        ContractState state = step.state;
        Contract contract = (date == null ? state.latestContract() : state.contractOn(date)).orElse(null);
        ItemKind kind = ItemDescriptions.kindOf(item, contract);
        ItemVerdict verdict = assessor.assess(step.rules, item, kind, contract, state, sources, optional);
        if (verdict.isEmpty()) {
            return verdict;
        }
        if (previous == null || changed(previous, verdict)) {
            step.decisions.addAll(verdict.decisions());
        }
        record(step, item, kind, date, milestoneId, verdict, sources);
        return verdict;
    }

    /** Undoes what an item's record contributed to the positions, before it is decided again. */
    void revert(Step step, ItemRecord record) {
        ContractState state = step.state;
        step.state = state.withCapConsumed(state.capConsumed().subtract(record.pending()))
                .withRetainerHours(state.retainerHours().add(record.drawnHours()))
                .withoutItem(record.itemId());
        ItemRecord excess = step.state.items().get(Excess.idFor(record.itemId()));
        if (excess != null && !excess.isBilled()) {
            revert(step, excess);
        }
    }

    /** Decides every held item again (a new contract version may release it); reports what changed. */
    void reconsiderHeld(Step step) {
        for (ItemRecord record : step.state.itemsSorted()) {
            if (record.isOpen() && !(record.item() instanceof MilestoneItem)
                    && step.state.items().containsKey(record.itemId())) {
                revert(step, record);
                decide(step, record.item(), record.date(), record.milestoneId(), record.sourceEvents(), record, false);
            }
        }
    }

    private void record(Step step, Item item, ItemKind kind, LocalDate date, String milestoneId, ItemVerdict verdict,
                        List<String> sources) {
        String description = ItemDescriptions.describe(item);
        // hours drawn from a retainer are not invoiced: the line's quantity is the hours actually billed
        BigDecimal quantity = ItemDescriptions.quantityOf(item).subtract(verdict.drawdown());
        ItemRecord record = new ItemRecord(item, kind, date, milestoneId, verdict.status(), verdict.reason(),
                verdict.eligible(), BigDecimal.ZERO, verdict.drawdown(), null, verdict.receipt(), sources,
                description, quantity);
        ContractState state = step.state;
        state = state.withItem(record)
                .withCapConsumed(state.capConsumed().add(verdict.eligible()))
                .withRetainerHours(state.retainerHours().subtract(verdict.drawdown()));
        if (verdict.excess() != null) {
            Excess excess = new Excess(verdict.excess().sourceItemId(), kind, date, verdict.excess().amount());
            var heldPart = verdict.decisions().get(verdict.decisions().size() - 1);
            state = state.withItem(new ItemRecord(excess, kind, date, milestoneId, DecisionStatus.HELD,
                    heldPart.reason(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, verdict.receipt(),
                    sources, ItemDescriptions.describe(excess), BigDecimal.ONE));
        }
        step.state = state;
    }

    private static boolean changed(ItemRecord previous, ItemVerdict verdict) {
        return previous.status() != verdict.status() || previous.reason() != verdict.reason()
                || previous.pending().compareTo(verdict.eligible()) != 0 || verdict.excess() != null;
    }
}
