package io.billwright.engine.reconcile;

import io.billwright.engine.eligibility.ItemAssessor;
import io.billwright.engine.item.Credit;
import io.billwright.engine.item.RetentionRelease;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the positions a contract's state keeps as running totals (the cap consumed, the retention withheld)
 * against the item records they total. Positions are of the state as it is now, whatever the day reconciled:
 * these checks read every record, dated after that day or not.
 */
final class PositionChecks {

    private PositionChecks() {
    }

    static List<String> of(ContractState state) {
        List<String> breaks = new ArrayList<>();
        cap(state, breaks);
        retention(state, breaks);
        return breaks;
    }

    /** What the cap counts as used: every time entry, expense and remainder eligible or billed. */
    private static void cap(ContractState state, List<String> breaks) {
        BigDecimal counted = BigDecimal.ZERO;
        for (ItemRecord record : state.items().values()) {
            if (ItemAssessor.countsAgainstCap(record.item())) {
                counted = counted.add(record.pending()).add(record.billed());
            }
        }
        if (counted.compareTo(state.capConsumed()) != 0) {
            breaks.add("the not-to-exceed position counts " + Ledger.plain(state.capConsumed()) + " used, but the"
                    + " time entries, expenses and remainders eligible or billed add up to " + Ledger.plain(counted));
        }
    }

    /**
     * Until the release, what is withheld is what the invoice lines withheld less what credits issued gave back:
     * the lines keep what is left of their retention once credited, and a credit waiting still carries its own.
     * Not checked once released (the release empties the position) or when a billed item has no line kept.
     */
    private static void retention(ContractState state, List<String> breaks) {
        if (state.completed()) {
            return;
        }
        BigDecimal lines = BigDecimal.ZERO;
        for (ItemRecord record : state.items().values()) {
            if (record.item() instanceof Credit credit) {
                lines = record.isBilled() ? lines : lines.add(credit.retention());
            } else if (record.isBilled() && !(record.item() instanceof RetentionRelease)) {
                if (record.billedLine() == null) {
                    return;
                }
                lines = lines.add(record.billedLine().retention());
            }
        }
        if (lines.compareTo(state.retentionWithheld()) != 0) {
            breaks.add("the retention position counts " + Ledger.plain(state.retentionWithheld()) + " withheld, but"
                    + " the invoice lines and the credits waiting carry " + Ledger.plain(lines));
        }
    }
}
