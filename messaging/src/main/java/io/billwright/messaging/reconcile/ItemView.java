package io.billwright.messaging.reconcile;

import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What reconciling compares of one item: where it stands (status and reason), what it amounts to (pending,
 * billed, decided) and the package it was billed in.
 *
 * @param key       the item's key in the state, e.g. {@code TIME_ENTRY:TE-3}
 * @param decided   what the item amounts to as decided; null in records written before it was kept
 * @param packageId the package it is billed in, or null
 * @param currency  the contract's currency (for reading only), or null when no contract was received
 */
record ItemView(String key, String itemId, String status, String reason, BigDecimal pending, BigDecimal billed,
                BigDecimal decided, String packageId, String currency) {

    ItemView {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(status, "status");
        pending = pending == null ? BigDecimal.ZERO : pending;
        billed = billed == null ? BigDecimal.ZERO : billed;
    }

    static ItemView of(ItemRecord record, String currency) {
        return new ItemView(record.key(), record.itemId(), record.status().name(),
                record.reason() == null ? null : record.reason().name(), record.pending(), record.billed(),
                record.decided(), record.packageId(), currency);
    }

    /**
     * The same standing: status, reason, package and amounts (by value, whatever their scale). The decided
     * amount counts only when both records keep it.
     */
    boolean sameAs(ItemView other) {
        return other != null && status.equals(other.status) && Objects.equals(reason, other.reason)
                && Objects.equals(packageId, other.packageId) && Amounts.same(pending, other.pending)
                && Amounts.same(billed, other.billed)
                && (decided == null || other.decided == null || Amounts.same(decided, other.decided));
    }

    /** {@code HELD AWAITING_CONTRACT}, {@code ELIGIBLE 800.00 EUR}, {@code ELIGIBLE 800.00 EUR billed in PKG-...}. */
    String describe() {
        StringBuilder text = new StringBuilder(status);
        if (reason != null) {
            text.append(' ').append(reason);
        }
        if (packageId != null) {
            text.append(' ').append(Amounts.of(billed, currency)).append(" billed in ").append(packageId);
            if (pending.signum() != 0) {
                text.append(", ").append(Amounts.of(pending, currency)).append(" pending");
            }
        } else if (pending.signum() != 0) {
            text.append(' ').append(Amounts.of(pending, currency));
        } else if (decided != null && decided.signum() != 0) {
            text.append(' ').append(Amounts.of(decided, currency));
        }
        return text.toString();
    }
}
