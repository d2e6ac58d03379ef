package io.billwright.engine.facts;

import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.item.Item;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * At most {@code max} of the item's charge may be billed; the excess becomes a second decision with
 * {@code excessStatus} (HELD for a not-to-exceed cap, REJECTED for a per-category expense limit).
 */
public record Limit(String itemId, BigDecimal max, ReasonCode reason, DecisionStatus excessStatus, String detail)
        implements Conclusion {
    public Limit {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(excessStatus, "excessStatus");
        if (excessStatus != DecisionStatus.HELD && excessStatus != DecisionStatus.REJECTED) {
            throw new IllegalArgumentException("the excess over a limit is HELD or REJECTED, not " + excessStatus);
        }
        detail = detail == null ? "" : detail;
    }

    public static Limit of(Item item, BigDecimal max, ReasonCode reason, DecisionStatus excessStatus, String detail) {
        return new Limit(item.itemId(), max, reason, excessStatus, detail);
    }
}
