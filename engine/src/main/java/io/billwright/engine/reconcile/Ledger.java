package io.billwright.engine.reconcile;

import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.item.Credit;
import io.billwright.engine.item.Excess;
import io.billwright.engine.item.RetentionRelease;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.state.BilledLine;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Adds up the item records of one contract, one at a time, into the reconciliation's figures, and notes every
 * record that does not stand in exactly one place or whose amounts contradict each other.
 */
final class Ledger {

    private final ContractState state;
    final List<String> breaks = new ArrayList<>();
    Tally recorded = Tally.NONE;
    Tally eligibleUnbilled = Tally.NONE;
    Tally billedNet = Tally.NONE;
    BigDecimal tax = BigDecimal.ZERO;
    BigDecimal retained = BigDecimal.ZERO;
    BigDecimal released = BigDecimal.ZERO;
    Tally held = Tally.NONE;
    final SortedMap<String, BigDecimal> heldByReason = new TreeMap<>();
    final SortedMap<String, Integer> heldCountByReason = new TreeMap<>();
    Tally tracked = Tally.NONE;
    BigDecimal trackedHours = BigDecimal.ZERO;
    Tally rejected = Tally.NONE;
    Tally writtenOff = Tally.NONE;
    Tally credited = Tally.NONE;
    Tally creditsWaiting = Tally.NONE;
    /** Held or rejected items whose record does not keep what they amount to (written before it was kept). */
    int unknownAmounts;
    /** Billed items without the invoice line they were billed on (billed before lines were kept). */
    int withoutLine;
    /** A retention release decided but not issued yet. */
    ItemRecord releaseWaiting;

    Ledger(ContractState state) {
        this.state = state;
    }

    void add(ItemRecord record) {
        negative(record, "pending", record.pending());
        negative(record, "billed", record.billed());
        negative(record, "decided", record.decided());
        if (record.item() instanceof Credit credit) {
            credit(record, credit);
        } else if (record.item() instanceof RetentionRelease) {
            release(record);
        } else {
            work(record);
        }
    }

    private void work(ItemRecord record) {
        BigDecimal standing = record.status() == DecisionStatus.ELIGIBLE ? BigDecimal.ZERO : standing(record);
        recorded = recorded.plus(record.pending().add(record.billed()).add(standing));
        if (record.isBilled()) {
            billed(record);
            return;
        }
        if (record.status() != DecisionStatus.ELIGIBLE && record.isPending()) {
            breaks.add(record.itemId() + " is " + describe(record) + " but counts " + plain(record.pending())
                    + " as eligible to bill");
        }
        switch (record.status()) {
            case ELIGIBLE -> eligibleUnbilled = eligibleUnbilled.plus(record.pending());
            case HELD -> {
                held = held.plus(standing);
                String reason = record.reason() == null ? "UNSPECIFIED" : record.reason().name();
                heldByReason.merge(reason, standing, BigDecimal::add);
                heldCountByReason.merge(reason, 1, Integer::sum);
            }
            case TRACKED -> {
                tracked = tracked.plus(standing);
                if (record.item() instanceof TimeEntry entry) {
                    trackedHours = trackedHours.add(entry.hours());
                }
            }
            case REJECTED -> {
                rejected = rejected.plus(standing);
                if (record.reason() == ReasonCode.WRITTEN_OFF) {
                    writtenOff = writtenOff.plus(standing);
                }
            }
        }
    }

    private void billed(ItemRecord record) {
        if (record.status() != DecisionStatus.ELIGIBLE) {
            breaks.add(record.itemId() + " is billed in " + record.packageId() + " and " + describe(record)
                    + " at once: an item is billed, or held, tracked or rejected, never both");
        }
        if (record.isPending()) {
            breaks.add(record.itemId() + " is billed in " + record.packageId() + " and still counts "
                    + plain(record.pending()) + " as eligible to bill again");
        }
        billedNet = billedNet.plus(record.billed());
        BilledLine line = record.billedLine();
        if (line == null) {
            withoutLine++;
            return;
        }
        tax = tax.add(line.tax());
        retained = retained.add(line.retention());
        if (line.net().compareTo(record.billed()) != 0) {
            breaks.add(record.itemId() + " is billed for " + plain(record.billed()) + " but its line " + line.lineNo()
                    + " of " + line.packageId() + " carries " + plain(line.net()) + " net");
        }
    }

    /**
     * A credit is not a recorded item: it gives back (part of) an invoice line. A line credited in full is no
     * longer among the billed: the item it billed, decided again, stands where it stands now.
     */
    private void credit(ItemRecord record, Credit credit) {
        credited = credited.plus(credit.amount());
        BigDecimal carried = record.isBilled() ? record.billed() : record.pending();
        if (!record.isBilled()) {
            creditsWaiting = creditsWaiting.plus(credit.amount());
        }
        if (carried.compareTo(credit.amount()) != 0) {
            breaks.add(record.itemId() + " credits " + plain(credit.amount()) + " but its record counts "
                    + plain(carried) + (record.isBilled() ? " credited in " + record.packageId() : " waiting"));
        }
        ItemRecord source = state.items().get(credit.sourceKey());
        boolean sameLine = source != null && source.isBilled() && source.billedLine() != null
                && credit.packageId().equals(source.packageId()) && source.billedLine().lineNo() == credit.lineNo();
        if (sameLine && credit.fullLine()) {
            breaks.add(credit.sourceItemId() + " is credited in full (" + record.itemId() + ", line "
                    + credit.lineNo() + " of " + credit.packageId() + ") and still billed on that line");
        } else if (sameLine && !source.billedLine().creditedBefore()) {
            breaks.add(credit.sourceItemId() + " is credited in part (" + record.itemId() + ") but its line "
                    + credit.lineNo() + " of " + credit.packageId() + " does not say so: a second credit could"
                    + " give back more than the line carried");
        }
    }

    private void release(ItemRecord record) {
        if (!record.isBilled()) {
            releaseWaiting = record.isPending() ? record : releaseWaiting;
            return;
        }
        released = released.add(record.billed());
        if (record.billedLine() != null) {
            tax = tax.add(record.billedLine().tax());
        }
    }

    /** What a held, tracked or rejected item amounts to: a remainder's own amount, else what it was decided at. */
    private BigDecimal standing(ItemRecord record) {
        if (record.item() instanceof Excess excess) {
            return excess.amount();
        }
        if (!record.knowsDecidedAmount()) {
            if (record.status() != DecisionStatus.TRACKED) {
                unknownAmounts++;
            }
            return BigDecimal.ZERO;
        }
        return record.decided();
    }

    private void negative(ItemRecord record, String what, BigDecimal amount) {
        if (amount != null && amount.signum() < 0) {
            breaks.add(record.itemId() + " has a negative " + what + " amount, " + plain(amount));
        }
    }

    private static String describe(ItemRecord record) {
        return record.status().name() + (record.reason() == null ? "" : " " + record.reason().name());
    }

    static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
