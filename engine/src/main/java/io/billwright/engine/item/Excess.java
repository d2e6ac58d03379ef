package io.billwright.engine.item;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The part of an item held back by a not-to-exceed cap. It is decided again (as an item of its own)
 * when a contract amendment raises the cap.
 */
public record Excess(String sourceItemId, ItemKind kind, LocalDate date, BigDecimal amount) implements Item {

    public static String idFor(String sourceItemId) {
        return sourceItemId + "#excess";
    }

    @Override
    public String itemId() {
        return idFor(sourceItemId);
    }
}
