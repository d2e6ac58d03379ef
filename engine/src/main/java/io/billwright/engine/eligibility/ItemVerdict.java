package io.billwright.engine.eligibility;

import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.item.Excess;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the rules concluded about one item.
 *
 * @param decisions one, or two when a limit split the item (the eligible part, then the excess)
 * @param status    the item's own status (ELIGIBLE when a split left part of it eligible)
 * @param eligible  the eligible amount, rounded to minor units
 * @param drawdown  retainer hours used
 * @param excess    the part held back by a cap, to be decided again later; null when none
 */
public record ItemVerdict(List<Decision> decisions, DecisionStatus status, ReasonCode reason, BigDecimal eligible,
                          BigDecimal drawdown, Excess excess, Receipt receipt) {
    public ItemVerdict {
        decisions = List.copyOf(decisions);
    }

    public boolean isEmpty() {
        return decisions.isEmpty();
    }
}
