package io.billwright.engine.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where one contract's recorded work stands on a day, and whether the contract's figures add up. Every amount
 * is in {@link #currency}, as the state keeps it (nothing is rounded here), with at least the currency's
 * decimals. Plain types only (strings, decimals, a date, lists and sorted maps), so it serialises as it is
 * (Jackson: one property per component) and flattens into a CSV row.
 *
 * <p>Each recorded item (a time entry, expense, milestone, instalment or fee; a remainder a not-to-exceed cap
 * held back counts as an item of its own, {@code TE-7#excess}) stands in exactly one place: eligible and not
 * billed yet, billed, held, tracked or rejected, so {@code recorded = eligibleUnbilled + billedNet + held +
 * tracked + rejected}, in count and in amount. Credits are not recorded items: a credit gives back (part of) an
 * invoice line, and the item it credits stands where it stands now. An item credited in full and billed again
 * is billed again (or held, or rejected: whatever it was decided as after the correction), its old line is no
 * longer among the billed, and the credit of it is in {@link #credited}; a difference credited leaves the item
 * billed for what is left of its line. So {@code billedNet} is net of every credit settled, whether its credit
 * note was issued or is waiting ({@link #creditsWaiting}); what the invoices issued add up to is {@code
 * billedNet + credited}.
 *
 * @param contractId         the contract
 * @param asOf               the day: items dated after it are left out
 * @param currency           ISO 4217 code of the contract version in force on {@code asOf} (of the latest
 *                           version when none is in force yet; {@code XXX} without any)
 * @param contractValue      the version's contract value, or null
 * @param cap                the version's not-to-exceed cap, or null
 * @param recorded           every recorded item, at what it amounts to where it stands
 * @param eligibleUnbilled   eligible and waiting for its package
 * @param billedNet          billed, at the net of its invoice line less what was credited of it; a retention
 *                           release is not billing ({@link #released})
 * @param tax                the tax of those invoice lines, less what was credited of it (and the tax of a
 *                           retention release taxed at release)
 * @param retained           the retention withheld on those invoice lines, less what credits gave back
 * @param released           retention released (the retention-release package's net)
 * @param held               held items, at the amount each is held for (zero for a hold the rules priced at
 *                           nothing, such as a role without a rate)
 * @param heldByReason       the held amount per reason code, sorted by reason
 * @param heldCountByReason  the held items per reason code, sorted by reason
 * @param tracked            tracked items (hours under a fixed fee, milestone or retainer), at zero as decided
 * @param trackedHours       the hours of the tracked time entries
 * @param rejected           rejected items, at what the rules priced them at (zero when never priced)
 * @param writtenOff         the rejected items finance wrote off by hand ({@code WRITTEN_OFF}): part of
 *                           {@code rejected}
 * @param credited           every credit of an invoice line, issued on a credit note or waiting for one
 * @param creditsWaiting     the credits waiting for the next period close's credit note: part of {@code credited}
 * @param headroom           the cap (else the contract value) less billedNet less eligibleUnbilled; null when
 *                           the version has neither
 * @param balanced           true exactly when {@code breaks} is empty
 * @param breaks             every way the figures do not add up, one sentence each, naming the item
 * @param notes              what the figures could not know (amounts older records do not keep, items left out)
 */
public record ContractReconciliation(String contractId, LocalDate asOf, String currency, BigDecimal contractValue,
                                     BigDecimal cap, Tally recorded, Tally eligibleUnbilled, Tally billedNet,
                                     BigDecimal tax, BigDecimal retained, BigDecimal released, Tally held,
                                     SortedMap<String, BigDecimal> heldByReason,
                                     SortedMap<String, Integer> heldCountByReason, Tally tracked,
                                     BigDecimal trackedHours, Tally rejected, Tally writtenOff, Tally credited,
                                     Tally creditsWaiting, BigDecimal headroom, boolean balanced, List<String> breaks,
                                     List<String> notes) {

    public ContractReconciliation {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(eligibleUnbilled, "eligibleUnbilled");
        Objects.requireNonNull(billedNet, "billedNet");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(retained, "retained");
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(tracked, "tracked");
        Objects.requireNonNull(trackedHours, "trackedHours");
        Objects.requireNonNull(rejected, "rejected");
        Objects.requireNonNull(writtenOff, "writtenOff");
        Objects.requireNonNull(credited, "credited");
        Objects.requireNonNull(creditsWaiting, "creditsWaiting");
        heldByReason = Collections.unmodifiableSortedMap(new TreeMap<>(
                Objects.requireNonNull(heldByReason, "heldByReason")));
        heldCountByReason = Collections.unmodifiableSortedMap(new TreeMap<>(
                Objects.requireNonNull(heldCountByReason, "heldCountByReason")));
        breaks = List.copyOf(Objects.requireNonNull(breaks, "breaks"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        if (balanced != breaks.isEmpty()) {
            throw new IllegalArgumentException("contract " + contractId + ": balanced must be " + breaks.isEmpty()
                    + " with " + breaks.size() + " break(s)");
        }
    }

    /** The recorded items stand in exactly one place each and the amounts add up: no {@link #breaks}. */
    @Override
    public boolean balanced() {
        return balanced;
    }
}
