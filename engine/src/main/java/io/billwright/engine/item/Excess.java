package io.billwright.engine.item;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The part of an item held back by a not-to-exceed cap. It is decided again (as an item of its own)
 * when a contract amendment raises the cap.
 */
public record Excess(String sourceItemId, String sourceKey, ItemKind kind, LocalDate date, BigDecimal amount,
                     java.util.List<String> spendKeys) implements Item {

    /**
     * @param spendKeys where the source expense counts against per-day and per-trip limits ({@code Expense#dayKey},
     *                  {@code #tripKey}): the remainder counts there once billed; empty for anything else
     */
    public Excess {
        spendKeys = spendKeys == null ? java.util.List.of() : java.util.List.copyOf(spendKeys);
    }

    public Excess(String sourceItemId, String sourceKey, ItemKind kind, LocalDate date, BigDecimal amount) {
        this(sourceItemId, sourceKey, kind, date, amount, java.util.List.of());
    }

    public static String idFor(String sourceItemId) {
        return sourceItemId + "#excess";
    }

    /** Where the excess of the item kept under {@code sourceKey} is kept. */
    public static String keyFor(String sourceKey) {
        return StateKind.EXCESS.key(sourceKey);
    }

    @Override
    public String itemId() {
        return idFor(sourceItemId);
    }

    @Override
    public String stateKey() {
        return keyFor(sourceKey);
    }

    @Override
    public StateKind stateKind() {
        return StateKind.EXCESS;
    }
}
