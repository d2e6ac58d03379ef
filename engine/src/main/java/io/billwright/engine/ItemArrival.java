package io.billwright.engine;

import io.billwright.engine.ruleset.EngineRule;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.item.Excess;
import io.billwright.engine.item.Item;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.money.Money;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A time entry or expense arrived. The same item (same id and content) under a new message id changes
 * nothing; a changed item replaces the old one unless it was billed already.
 */
final class ItemArrival {

    private final Decider decider;
    private final CorrectionSettler corrections;
    private final BillingModels models;
    private final MilestoneProgression milestones;
    private final RetainerBilling retainers;

    ItemArrival(Decider decider, MilestoneProgression milestones, RetainerBilling retainers, BillingModels models,
                CorrectionSettler corrections) {
        this.models = models;
        this.decider = decider;
        this.corrections = corrections;
        this.milestones = milestones;
        this.retainers = retainers;
    }

    void apply(Step step, Item item, LocalDate date, String milestoneId) {
        ItemRecord existing = step.state.recordOf(item);
        BigDecimal capBefore = step.state.capConsumed();
        List<String> sources = List.of(step.eventId());
        if (existing != null) {
            if (existing.item().equals(item)) {
                step.note(item.itemId() + " was recorded before with the same content: nothing changed");
                return;
            }
            if (existing.isBilled()) {
                if (corrections.settle(step, existing, item, date, milestoneId)) {
                    afterChange(step, existing, date, milestoneId, capBefore);
                    return;
                }
                alreadyBilled(step, existing, "billed in " + existing.packageId()
                        + "; a change after billing needs a credit note");
                ItemRecord excess = step.state.items().get(Excess.keyFor(existing.key()));
                if (excess != null && !excess.isBilled()) {
                    // the held remainder belonged to the item as billed; the item has changed since
                    decider.revert(step, excess);
                    alreadyBilled(step, excess, "withdrawn: " + existing.itemId() + " changed after part of it was"
                            + " billed in " + existing.packageId());
                }
                return;
            }
            List<String> all = new ArrayList<>(existing.sourceEvents());
            all.add(step.eventId());
            sources = all;
            decider.revert(step, existing);
        }
        decider.decide(step, item, date, milestoneId, sources, null, false);
        afterChange(step, existing, date, milestoneId, capBefore);
    }

    /** What a new or changed item moves for the others: held items, its month's retainer hours, milestones. */
    private void afterChange(Step step, ItemRecord existing, LocalDate date, String milestoneId, BigDecimal capBefore) {
        if (existing != null) {
            // a correction may free room under the cap for held items, or move retainer hours of its month
            // between included and overage for the month's other entries. On a contract without a retainer,
            // a correction that did not lower the cap consumed (an approval of a submitted entry) changes
            // neither, and reconsidering every held item would only decide them again as they are.
            YearMonth month = YearMonth.from(existing.date());
            boolean retainer = models.of(step.state.contractOn(date).orElse(null)).entriesShareTheirMonth();
            if (retainer || step.state.capConsumed().compareTo(capBefore) < 0) {
                decider.reconsider(step, record -> record.reason() == ReasonCode.CAP_EXCEEDED
                        || retainer && record.item() instanceof TimeEntry && record.date() != null
                        && YearMonth.from(record.date()).equals(month));
            }
        }
        retainers.recarry(step, YearMonth.from(date));
        if (milestoneId != null) {
            milestones.reconsider(step, milestoneId);
        }
        if (existing != null && existing.milestoneId() != null && !existing.milestoneId().equals(milestoneId)) {
            milestones.reconsider(step, existing.milestoneId());
        }
    }

    private static void alreadyBilled(Step step, ItemRecord record, String detail) {
        step.decisions.add(new Decision(record.itemId(), record.kind(), DecisionStatus.REJECTED,
                ReasonCode.ALREADY_BILLED, detail, Money.zero(step.state.contractOn(record.date())
                .or(() -> step.state.latestContract()).map(c -> c.currency())
                .orElse(java.util.Currency.getInstance("XXX"))),
                new Receipt(step.rules.version().toString(), List.of(EngineRule.ALREADY_BILLED.ruleName()),
                        record.receipt().contractVersion(),
                        List.of(step.eventId()))));
    }
}
