package io.billwright.engine;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.item.Excess;
import io.billwright.engine.item.Expense;
import io.billwright.engine.item.Item;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.item.MilestoneItem;
import io.billwright.engine.item.RetainerFee;
import io.billwright.engine.item.RetentionRelease;
import io.billwright.engine.item.ScheduleCharge;
import io.billwright.engine.item.TimeEntry;
import java.math.BigDecimal;

/** The kind, invoice text and quantity of an item, for decisions and package lines. */
final class ItemDescriptions {

    private ItemDescriptions() {
    }

    /** @param timeKind what a time entry bills as under the contract's model ({@link ModelBilling#timeKind()}) */
    static ItemKind kindOf(Item item, Contract contract, ItemKind timeKind) {
        if (item instanceof TimeEntry entry) {
            if (contract != null && entry.isSubcontracted() && contract.passesThroughSubcontractors()) {
                return ItemKind.SUBCONTRACTOR_TIME;
            }
            return timeKind;
        }
        if (item instanceof Expense) {
            return ItemKind.EXPENSE;
        }
        if (item instanceof MilestoneItem) {
            return ItemKind.MILESTONE;
        }
        if (item instanceof ScheduleCharge) {
            return ItemKind.FIXED_FEE;
        }
        if (item instanceof RetainerFee) {
            return ItemKind.RETAINER_FEE;
        }
        if (item instanceof RetentionRelease) {
            return ItemKind.RETENTION_RELEASE;
        }
        if (item instanceof Excess excess) {
            return excess.kind();
        }
        return ItemKind.CONTRACT;
    }

    static String describe(Item item) {
        if (item instanceof TimeEntry t) {
            String text = t.description() != null ? t.description() : t.role() + " " + t.hours().toPlainString() + " h";
            return text + " (" + (t.person() == null ? "" : t.person() + ", ") + t.date() + ")";
        }
        if (item instanceof Expense e) {
            return e.category() + (e.description() == null ? "" : ": " + e.description()) + " (" + e.date() + ")";
        }
        if (item instanceof MilestoneItem m) {
            return "Milestone " + m.name();
        }
        if (item instanceof ScheduleCharge s) {
            return s.description();
        }
        if (item instanceof RetainerFee f) {
            return "Retainer " + f.period();
        }
        if (item instanceof RetentionRelease) {
            return "Release of retention";
        }
        if (item instanceof Excess x) {
            return "Remainder of " + x.sourceItemId() + " held over the cap";
        }
        return item.itemId();
    }

    static BigDecimal quantityOf(Item item) {
        return item instanceof TimeEntry t ? t.hours() : BigDecimal.ONE;
    }
}
