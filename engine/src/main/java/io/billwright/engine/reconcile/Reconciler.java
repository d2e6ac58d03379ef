package io.billwright.engine.reconcile;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.money.Rounding;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reconciles one contract: adds up its item records into {@link ContractReconciliation}'s figures and checks
 * that they add up. Pure: it reads the state it is given and nothing else.
 *
 * <p>The state is the contract's current one; {@code asOf} filters the work by its date, not the state by
 * its history. An item dated after {@code asOf} is left out; one dated on or before it stands where it stands
 * now (billed or credited after {@code asOf}, it shows as billed or credited). The contract version in force on
 * {@code asOf} gives the currency, the contract value and the cap. The positions the state keeps as running
 * totals (the cap consumed, the retention withheld) are checked against every record, whatever its date.
 */
public final class Reconciler {

    private static final Currency NO_CURRENCY = Currency.getInstance("XXX");

    private Reconciler() {
    }

    public static ContractReconciliation reconcile(ContractState state, LocalDate asOf) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(asOf, "asOf");
        List<String> notes = new ArrayList<>();
        Optional<Contract> inForce = state.contractOn(asOf);
        Contract version = inForce.or(state::latestContract).orElse(null);
        if (version == null) {
            notes.add("no approved contract version was received: amounts are in no currency (XXX)");
        } else if (inForce.isEmpty()) {
            notes.add("no contract version is in force on " + asOf + ": the currency is v" + version.version()
                    + "'s; no contract value or cap");
        }
        Currency currency = version == null ? NO_CURRENCY : version.currency();
        BigDecimal value = inForce.map(Contract::contractValue).orElse(null);
        BigDecimal cap = inForce.map(Contract::notToExceed).orElse(null);

        Ledger ledger = new Ledger(state);
        int leftOut = 0;
        for (ItemRecord record : state.itemsSorted()) {
            if (record.date() != null && record.date().isAfter(asOf)) {
                leftOut++;
            } else {
                ledger.add(record);
            }
        }
        List<String> breaks = new ArrayList<>(ledger.breaks);
        addsUp(ledger, breaks);
        breaks.addAll(PositionChecks.of(state));
        notes(ledger, leftOut, asOf, notes);

        BigDecimal limit = cap != null ? cap : value;
        BigDecimal headroom = limit == null ? null
                : limit.subtract(ledger.billedNet.amount()).subtract(ledger.eligibleUnbilled.amount());
        Scale scale = new Scale(Rounding.minorUnits(currency));
        return new ContractReconciliation(state.contractId().value(), asOf, currency.getCurrencyCode(),
                scale.of(value), scale.of(cap), scale.of(ledger.recorded), scale.of(ledger.eligibleUnbilled),
                scale.of(ledger.billedNet), scale.of(ledger.tax), scale.of(ledger.retained), scale.of(ledger.released),
                scale.of(ledger.held), scale.of(ledger.heldByReason), ledger.heldCountByReason,
                scale.of(ledger.tracked), ledger.trackedHours, scale.of(ledger.rejected),
                scale.of(ledger.writtenOff), scale.of(ledger.credited),
                scale.of(ledger.creditsWaiting), scale.of(headroom), breaks.isEmpty(), breaks, notes);
    }

    /** Every recorded item in exactly one place: the places add up to what was recorded, in count and amount. */
    private static void addsUp(Ledger ledger, List<String> breaks) {
        Tally places = ledger.eligibleUnbilled.plus(ledger.billedNet).plus(ledger.held).plus(ledger.tracked)
                .plus(ledger.rejected);
        if (places.count() != ledger.recorded.count() || places.amount().compareTo(ledger.recorded.amount()) != 0) {
            breaks.add("the recorded items (" + ledger.recorded.count() + ", " + Ledger.plain(ledger.recorded.amount())
                    + ") are not what eligible, billed, held, tracked and rejected add up to (" + places.count() + ", "
                    + Ledger.plain(places.amount()) + ")");
        }
    }

    private static void notes(Ledger ledger, int leftOut, LocalDate asOf, List<String> notes) {
        if (leftOut > 0) {
            notes.add(leftOut + " item(s) dated after " + asOf + " left out");
        }
        if (ledger.unknownAmounts > 0) {
            notes.add(ledger.unknownAmounts + " held or rejected item(s) were decided before their amounts were kept:"
                    + " counted at 0 until they are decided again");
        }
        if (ledger.withoutLine > 0) {
            notes.add(ledger.withoutLine + " billed item(s) were billed before invoice lines were kept: their tax and"
                    + " retention are not in the figures, and the retention withheld is not checked");
        }
        if (ledger.releaseWaiting != null) {
            notes.add("the release of " + Ledger.plain(ledger.releaseWaiting.pending())
                    + " retention is decided but not issued yet");
        }
    }

    /** Shows every amount with at least its currency's decimals, never rounding one that has more. */
    private record Scale(int digits) {
        BigDecimal of(BigDecimal amount) {
            return amount == null || amount.scale() >= digits ? amount : amount.setScale(digits);
        }

        Tally of(Tally tally) {
            return new Tally(tally.count(), of(tally.amount()));
        }

        SortedMap<String, BigDecimal> of(Map<String, BigDecimal> amounts) {
            SortedMap<String, BigDecimal> out = new TreeMap<>();
            amounts.forEach((key, amount) -> out.put(key, of(amount)));
            return out;
        }
    }
}
