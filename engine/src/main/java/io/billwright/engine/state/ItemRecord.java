package io.billwright.engine.state;

import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.item.Item;
import io.billwright.engine.item.ItemKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the engine remembers about one item between events.
 *
 * @param pending     eligible and not billed yet (rounded, contract currency)
 * @param billed      already in a package
 * @param drawnHours  retainer hours this item used
 * @param packageId   the package it was billed in, or null
 * @param quantity    hours as recorded (less retainer hours drawn) for time, 1 otherwise
 * @param gross       what the rules charged before a limit cut it (equal to the eligible amount when no
 *                    limit did); null in records written before it was kept, read as the amount
 * @param adjustment  why a limit cut the charge (the cut's own words), or null when none did
 * @param billedLine  the invoice line it was billed on, or null (not billed, or billed before lines were kept)
 * @param decided     what the item amounts to as decided, in the contract currency: the eligible amount of an
 *                    eligible item, the amount a held item is held for (for a remainder a cap held back, the
 *                    remainder), the amount a rejected one was priced at (zero when it was never priced, or its
 *                    input was invalid), zero for a tracked one, a credit's amount; once billed, what it is billed
 *                    for. Null in records written before it was kept: unknown, read as zero where it is needed
 *                    ({@link #decidedOrZero()})
 */
public record ItemRecord(Item item, ItemKind kind, LocalDate date, String milestoneId, DecisionStatus status,
                         ReasonCode reason, BigDecimal pending, BigDecimal billed, BigDecimal drawnHours,
                         String packageId, Receipt receipt, List<String> sourceEvents, String description,
                         BigDecimal quantity, BigDecimal gross, String adjustment, BilledLine billedLine,
                         BigDecimal decided) {
    public ItemRecord {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        pending = pending == null ? BigDecimal.ZERO : pending;
        billed = billed == null ? BigDecimal.ZERO : billed;
        drawnHours = drawnHours == null ? BigDecimal.ZERO : drawnHours;
        sourceEvents = List.copyOf(sourceEvents);
    }

    /** The charge before any limit: {@link #gross}, or the amount itself in a record that has none. */
    public BigDecimal grossOr(BigDecimal amount) {
        return gross == null ? amount : gross;
    }

    /** {@link #decided}, or zero in a record written before it was kept. */
    public BigDecimal decidedOrZero() {
        return decided == null ? BigDecimal.ZERO : decided;
    }

    /** The record keeps what the item amounts to as decided ({@link #decided}); false in older records. */
    public boolean knowsDecidedAmount() {
        return decided != null;
    }

    public String itemId() {
        return item.itemId();
    }

    public String key() {
        return item.stateKey();
    }

    public boolean isPending() {
        return pending.signum() > 0;
    }

    public boolean isBilled() {
        return packageId != null;
    }

    public ItemRecord billedIn(String id, BilledLine line) {
        return new ItemRecord(item, kind, date, milestoneId, status, reason, BigDecimal.ZERO, billed.add(pending),
                drawnHours, id, receipt, sourceEvents, description, quantity, gross, adjustment, line, decided);
    }

    /**
     * The item as corrected, still billed on its invoice, now for {@code billedNow} with {@code drawnNow} retainer
     * hours, and what is left of its invoice line: a difference was credited, or none was worth crediting.
     */
    public ItemRecord correctedTo(Item corrected, BigDecimal billedNow, BigDecimal drawnNow, BilledLine lineNow,
                                  List<String> sources) {
        return new ItemRecord(corrected, kind, date, milestoneId, status, reason, BigDecimal.ZERO, billedNow,
                drawnNow, packageId, receipt, sources, description, quantity, gross, adjustment, lineNow, billedNow);
    }
}
