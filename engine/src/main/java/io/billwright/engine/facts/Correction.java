package io.billwright.engine.facts;

import io.billwright.engine.item.ItemKind;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An item that was billed has changed: what the rules charge for it now beside what was billed. The rules
 * decide how it is settled by inserting a {@link Settlement}; amounts are in the contract currency.
 *
 * @param billed    the net billed for the item
 * @param corrected what the rules charge for the item as it is now (zero when it is no longer billable: reversed,
 *                  rejected, marked non-billable)
 * @param packageId the invoice the item was billed on
 */
public record Correction(String itemId, ItemKind kind, String packageId, BigDecimal billed, BigDecimal corrected) {
    public Correction {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(billed, "billed");
        Objects.requireNonNull(corrected, "corrected");
    }

    /** {@code corrected - billed}: negative when the item is now worth less. */
    public BigDecimal difference() {
        return corrected.subtract(billed);
    }

    /** How much the amount moved, either way. */
    public BigDecimal change() {
        return difference().abs();
    }

    /** Nothing is billable any more: the whole line is to be credited. */
    public boolean isReversal() {
        return corrected.signum() == 0;
    }

    public boolean isIncrease() {
        return difference().signum() > 0;
    }

    public boolean isDecrease() {
        return difference().signum() < 0;
    }

    /** Whether the amount moved by less than {@code amount} (a decimal string: {@code "1.00"}). */
    public boolean changeBelow(String amount) {
        return change().compareTo(new BigDecimal(amount)) < 0;
    }

    /** Whether the amount moved by more than {@code amount} (a decimal string: {@code "10000.00"}). */
    public boolean changeAbove(String amount) {
        return change().compareTo(new BigDecimal(amount)) > 0;
    }
}
