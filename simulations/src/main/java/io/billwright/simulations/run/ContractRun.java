package io.billwright.simulations.run;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.reconcile.ContractReconciliation;
import io.billwright.engine.reconcile.Reconciler;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One contract's replay through one rule set: every package issued, the state at the end, and the last
 * decision about each item.
 *
 * @param lastDecisions by {@link #keyOf(ItemRecord)}
 */
public record ContractRun(List<BillingPackage> packages, ContractState state, Map<String, Decision> lastDecisions,
                          Map<String, Contract> issuedUnder) {

    /**
     * @param issuedUnder the contract version each package was issued under, by package id, as it stood then
     *                    (a version cancelled later is gone from the final state)
     */
    public ContractRun {
        packages = List.copyOf(packages);
        lastDecisions = Map.copyOf(lastDecisions);
        issuedUnder = Map.copyOf(issuedUnder);
    }

    /** The contract version the package was issued under, or null if the state never held it. */
    public Contract contractOf(BillingPackage pkg) {
        return issuedUnder.get(pkg.id().value());
    }

    public static String keyOf(Decision decision) {
        return decision.kind() + ":" + decision.itemId();
    }

    public static String keyOf(ItemRecord record) {
        return record.kind() + ":" + record.itemId();
    }

    /**
     * The contract's reconciliation at the end of the replay, as of the last day its state knows of: the latest
     * item date or contract version start (1970-01-01 for a state that has neither).
     */
    public ContractReconciliation reconciliation() {
        LocalDate last = LocalDate.EPOCH;
        for (ItemRecord record : state.items().values()) {
            if (record.date() != null && record.date().isAfter(last)) {
                last = record.date();
            }
        }
        for (Contract version : state.versions().values()) {
            if (version.effectiveFrom().isAfter(last)) {
                last = version.effectiveFrom();
            }
        }
        return Reconciler.reconcile(state, last);
    }

    /** The last decision about the item, if the replay made one. */
    public Decision lastDecision(ItemRecord record) {
        return lastDecisions.get(keyOf(record));
    }
}
