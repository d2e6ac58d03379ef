package io.billwright.simulations.compare;

import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.item.Excess;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;

/**
 * Where an item stands at the end of a replay, as finance sees it, and the amount that stands with it.
 *
 * <p>A held item's record carries no pending amount: what is held is the amount of its last decision
 * (or, for the part over a cap, the excess itself). An item the engine found eligible but could not
 * package (no tax rate for it, say) keeps its eligible record, to be packaged at the next close; its last
 * decision says it is held and why, and that is what a report shows.
 *
 * @param amount for a held item the amount held; for an eligible one the amount not yet billed
 */
record ItemStatus(String status, String reason, BigDecimal amount) {

    static ItemStatus of(ItemRecord record, Decision last) {
        boolean heldAtPackaging = record.isPending() && last != null && last.status() == DecisionStatus.HELD;
        if (heldAtPackaging) {
            return new ItemStatus(DecisionStatus.HELD.name(), last.reason() == null ? "" : last.reason().name(),
                    record.pending());
        }
        String reason = record.reason() == null ? "" : record.reason().name();
        if (record.status() == DecisionStatus.HELD) {
            BigDecimal held = record.item() instanceof Excess excess ? excess.amount()
                    : last != null && last.status() == DecisionStatus.HELD ? last.amount().amount() : record.pending();
            return new ItemStatus(DecisionStatus.HELD.name(), reason, held);
        }
        return new ItemStatus(record.status().name(), reason, record.pending());
    }

    boolean isHeld() {
        return DecisionStatus.HELD.name().equals(status);
    }

    boolean isEligible() {
        return DecisionStatus.ELIGIBLE.name().equals(status);
    }
}
