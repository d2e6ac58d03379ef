package io.billwright.engine;

import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.item.Item;
import io.billwright.engine.money.Money;
import io.billwright.engine.state.ItemRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A time entry or expense arrived. The same item (same id and content) under a new message id changes
 * nothing; a changed item replaces the old one unless it was billed already.
 */
final class ItemArrival {

    private final Decider decider;
    private final MilestoneProgression milestones;

    ItemArrival(Decider decider, MilestoneProgression milestones) {
        this.decider = decider;
        this.milestones = milestones;
    }

    void apply(Step step, Item item, LocalDate date, String milestoneId) {
        ItemRecord existing = step.state.items().get(item.itemId());
        List<String> sources = List.of(step.eventId());
        if (existing != null) {
            if (existing.item().equals(item)) {
                step.note(item.itemId() + " was recorded before with the same content: nothing changed");
                return;
            }
            if (existing.isBilled()) {
                step.decisions.add(new Decision(item.itemId(), existing.kind(), DecisionStatus.REJECTED,
                        ReasonCode.ALREADY_BILLED, "billed in " + existing.packageId()
                        + "; a change after billing needs a credit note",
                        Money.zero(step.state.latestContract().map(c -> c.currency())
                                .orElse(java.util.Currency.getInstance("XXX"))),
                        new Receipt(step.rules.version().toString(), List.of(),
                                existing.receipt().contractVersion(), List.of(step.eventId()))));
                return;
            }
            List<String> all = new ArrayList<>(existing.sourceEvents());
            all.add(step.eventId());
            sources = all;
            decider.revert(step, existing);
        }
        decider.decide(step, item, date, milestoneId, sources, null, false);
        if (existing != null && existing.pending().signum() > 0) {
            // the replaced item may have freed room under the cap for what the cap holds back
            decider.reconsider(step, record -> record.reason() == ReasonCode.CAP_EXCEEDED);
        }
        if (milestoneId != null) {
            milestones.reconsider(step, milestoneId);
        }
    }
}
