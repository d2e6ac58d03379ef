package io.billwright.simulations.compare;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.reconcile.ContractReconciliation;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import io.billwright.simulations.run.ContractRun;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What changed for one contract: each side's totals, and the items whose decision or amounts differ (by
 * status, reason, amount billed or amount pending; a different package id alone is not a change), and each
 * side's reconciliation of the contract at the end of its replay.
 */
public record ContractDiff(String contractId, Map<GroupKey, Figures> baseline, Map<GroupKey, Figures> candidate,
                           List<LineChange> changes, List<PackageChange> packageChanges, int items,
                           ContractReconciliation baselineReconciliation,
                           ContractReconciliation candidateReconciliation) {

    static final ItemSide NONE = new ItemSide("NONE", "", BigDecimal.ZERO, BigDecimal.ZERO, "", List.of());

    public static ContractDiff of(String contractId, ContractRun baseline, ContractRun candidate) {
        Map<String, ItemRecord> before = baseline.state().items();
        Map<String, ItemRecord> after = candidate.state().items();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<LineChange> changes = new ArrayList<>();
        for (String key : keys) {
            ItemSide old = sideOf(before.get(key), baseline);
            ItemSide now = sideOf(after.get(key), candidate);
            if (!sameOutcome(old, now)) {
                ItemRecord record = after.containsKey(key) ? after.get(key) : before.get(key);
                ContractState state = after.containsKey(key) ? candidate.state() : baseline.state();
                changes.add(change(contractId, record, state, old, now));
            }
        }
        return new ContractDiff(contractId, SideTotals.of(baseline), SideTotals.of(candidate), changes,
                packageChanges(contractId, baseline, candidate), keys.size(), baseline.reconciliation(),
                candidate.reconciliation());
    }

    private static List<PackageChange> packageChanges(String contractId, ContractRun baseline, ContractRun candidate) {
        Map<String, BillingPackage> before = byId(baseline.packages());
        Map<String, BillingPackage> after = byId(candidate.packages());
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        List<PackageChange> changes = new ArrayList<>();
        for (String id : ids) {
            PackageSide old = PackageSide.of(before.get(id));
            PackageSide now = PackageSide.of(after.get(id));
            if (!old.sameAs(now)) {
                boolean candidateIssued = after.containsKey(id);
                BillingPackage pkg = candidateIssued ? after.get(id) : before.get(id);
                Contract contract = (candidateIssued ? candidate : baseline).contractOf(pkg);
                changes.add(new PackageChange(id, contractId,
                        contract == null ? pkg.customerId() : Groups.customerOf(contract),
                        pkg.trigger().kind() + " " + pkg.trigger().key(), pkg.currency().getCurrencyCode(), old, now));
            }
        }
        return changes;
    }

    private static Map<String, BillingPackage> byId(List<BillingPackage> packages) {
        Map<String, BillingPackage> out = new java.util.HashMap<>();
        packages.forEach(pkg -> out.put(pkg.id().value(), pkg));
        return out;
    }

    private static LineChange change(String contractId, ItemRecord record, ContractState state, ItemSide old,
                                     ItemSide now) {
        Optional<Contract> contract = Groups.contractOf(state, record);
        Groups groups = Groups.of(contract.orElse(null),
                record.date() == null ? null : java.time.YearMonth.from(record.date()));
        return new LineChange(contractId, groups.customer(), groups.billingModel(), groups.jurisdiction(),
                record.itemId(), record.kind().name(), groups.month(),
                contract.map(c -> c.currency().getCurrencyCode()).orElse(SideTotals.NO_CURRENCY), old, now);
    }

    private static ItemSide sideOf(ItemRecord record, ContractRun run) {
        if (record == null) {
            return NONE;
        }
        io.billwright.engine.decision.Decision last = run.lastDecision(record);
        ItemStatus status = ItemStatus.of(record, last);
        // the rules behind what the side shows: the hold's when the item was held at packaging
        io.billwright.engine.decision.Receipt receipt = status.isHeld() && last != null ? last.receipt()
                : record.receipt();
        // a credit takes its amount off what was billed: the lines report shows it negative, as the totals count it
        boolean credit = record.item() instanceof io.billwright.engine.item.Credit;
        return new ItemSide(status.status(), status.reason(),
                credit ? record.billed().negate() : record.billed(), credit ? status.amount().negate() : status.amount(),
                record.packageId() == null ? "" : record.packageId(), receipt == null ? List.of() : receipt.rules());
    }

    private static boolean sameOutcome(ItemSide a, ItemSide b) {
        return a.status().equals(b.status()) && a.reason().equals(b.reason())
                && a.billed().compareTo(b.billed()) == 0 && a.pending().compareTo(b.pending()) == 0;
    }
}
