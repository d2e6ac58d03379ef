package io.billwright.engine.billing;

import io.billwright.engine.item.ItemKind;
import java.util.Set;

/** What a line's quantity counts: hours worked, or each (an expense, a fee, a milestone, a remainder). */
public enum QuantityUnit {
    HOUR, EACH;

    private static final Set<ItemKind> BY_THE_HOUR = Set.of(ItemKind.TIME, ItemKind.SUBCONTRACTOR_TIME,
            ItemKind.RETAINER_OVERAGE);

    /**
     * Hours for time, each for everything else; a remainder a cap held back is a sum, not hours, so it is
     * one of each whatever its kind.
     */
    public static QuantityUnit of(ItemKind kind, boolean remainder) {
        return !remainder && BY_THE_HOUR.contains(kind) ? HOUR : EACH;
    }
}
