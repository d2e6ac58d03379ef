package io.billwright.engine.decision;

import io.billwright.engine.item.ItemKind;
import io.billwright.engine.money.Money;
import java.util.Objects;

/**
 * The verdict on one item, or on one part of it when a cap or limit splits it.
 *
 * @param reason null when eligible
 * @param detail plain words for people: what is missing, which limit applied
 * @param amount the amount this verdict covers, in the contract currency (zero when unknown)
 */
public record Decision(String itemId, ItemKind kind, DecisionStatus status, ReasonCode reason, String detail,
                       Money amount, Receipt receipt) {
    public Decision {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(receipt, "receipt");
        if (status != DecisionStatus.ELIGIBLE && reason == null) {
            throw new IllegalArgumentException(status + " decision for " + itemId + " needs a reason");
        }
        detail = detail == null ? "" : detail;
    }

    @Override
    public String toString() {
        return itemId + " " + status + (reason == null ? "" : " " + reason) + " " + amount
                + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
