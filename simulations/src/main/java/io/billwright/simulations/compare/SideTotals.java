package io.billwright.simulations.compare;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.billing.Trigger;
import io.billwright.engine.item.Credit;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import io.billwright.simulations.run.ContractRun;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One side's totals for one contract. A package counts under its contract version's billing model,
 * customer and jurisdiction, and the month of its issue date; a retention-release package counts as
 * retention released, not as billing. An item still held at the end counts under its reason and the month
 * of its date (the month of the work), and an item eligible but not yet billed (waiting for its trigger)
 * counts the same way as unbilled. A credit note counts against billing (net, tax and retention) and as
 * credited, in the month it was issued; a credit waiting for its credit note is not counted yet.
 */
final class SideTotals {

    static final String NO_CONTRACT = "(no contract)";
    static final String NO_CURRENCY = "XXX";

    private SideTotals() {
    }

    static Map<GroupKey, Figures> of(ContractRun run) {
        Map<GroupKey, Figures> totals = new HashMap<>();
        for (BillingPackage pkg : run.packages()) {
            boolean release = pkg.trigger().kind() == Trigger.Kind.RETENTION_RELEASE;
            BigDecimal net = pkg.totals().net().amount();
            BigDecimal tax = pkg.totals().tax().amount();
            BigDecimal retention = pkg.totals().retentionWithheld().amount();
            // a credit note takes what it credits off the billing, and shows it as credited
            Figures figures = pkg.isCreditNote()
                    ? new Figures(net.negate(), tax.negate(), retention.negate(), BigDecimal.ZERO, BigDecimal.ZERO,
                            BigDecimal.ZERO, net)
                    : new Figures(release ? BigDecimal.ZERO : net, tax, retention, release ? net : BigDecimal.ZERO,
                            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
            add(totals, Groups.of(run.contractOf(pkg), YearMonth.from(pkg.issueDate())),
                    pkg.currency().getCurrencyCode(), null, figures);
        }
        ContractState state = run.state();
        for (ItemRecord item : state.items().values()) {
            if (item.item() instanceof Credit) {
                continue; // counted when its credit note is issued
            }
            ItemStatus status = ItemStatus.of(item, run.lastDecision(item));
            boolean held = status.isHeld();
            // a hold whose amount is unknown (no rate for the role) still counts under its reason, at zero
            if (!held && (!status.isEligible() || status.amount().signum() == 0)) {
                continue;
            }
            Optional<Contract> contract = Groups.contractOf(state, item);
            String currency = contract.map(c -> c.currency().getCurrencyCode()).orElse(NO_CURRENCY);
            String reason = held ? (status.reason().isEmpty() ? "UNSPECIFIED" : status.reason()) : null;
            add(totals, Groups.of(contract.orElse(null), item.date() == null ? null : YearMonth.from(item.date())),
                    currency, reason, held ? Figures.held(status.amount()) : Figures.unbilled(status.amount()));
        }
        return totals;
    }

    private static void add(Map<GroupKey, Figures> totals, Groups groups, String currency, String heldReason,
                            Figures figures) {
        put(totals, new GroupKey(Dimension.TOTAL, "All", currency), figures);
        put(totals, new GroupKey(Dimension.BILLING_MODEL, groups.billingModel(), currency), figures);
        put(totals, new GroupKey(Dimension.CUSTOMER, groups.customer(), currency), figures);
        put(totals, new GroupKey(Dimension.JURISDICTION, groups.jurisdiction(), currency), figures);
        put(totals, new GroupKey(Dimension.MONTH, groups.month(), currency), figures);
        if (heldReason != null) {
            put(totals, new GroupKey(Dimension.HELD_REASON, heldReason, currency), figures);
        }
    }

    private static void put(Map<GroupKey, Figures> totals, GroupKey key, Figures figures) {
        totals.merge(key, figures, Figures::plus);
    }
}
