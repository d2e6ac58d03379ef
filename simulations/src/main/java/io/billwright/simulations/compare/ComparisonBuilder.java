package io.billwright.simulations.compare;

import io.billwright.engine.reconcile.ContractReconciliation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Adds contracts' differences up into a {@link Comparison}: totals sorted by dimension, group and currency. */
public final class ComparisonBuilder {

    private final String baselineLabel;
    private final String candidateLabel;
    private final Map<GroupKey, Figures> baseline = new TreeMap<>();
    private final Map<GroupKey, Figures> candidate = new TreeMap<>();
    private final List<LineChange> changes = new ArrayList<>();
    private final List<PackageChange> packageChanges = new ArrayList<>();
    private final List<ContractReconciliation> baselineReconciliation = new ArrayList<>();
    private final List<ContractReconciliation> candidateReconciliation = new ArrayList<>();
    private long contracts;
    private long items;

    public ComparisonBuilder(String baselineLabel, String candidateLabel) {
        this.baselineLabel = baselineLabel;
        this.candidateLabel = candidateLabel;
    }

    public void add(ContractDiff diff) {
        diff.baseline().forEach((key, figures) -> baseline.merge(key, figures, Figures::plus));
        diff.candidate().forEach((key, figures) -> candidate.merge(key, figures, Figures::plus));
        changes.addAll(diff.changes());
        packageChanges.addAll(diff.packageChanges());
        baselineReconciliation.add(diff.baselineReconciliation());
        candidateReconciliation.add(diff.candidateReconciliation());
        contracts++;
        items += diff.items();
    }

    public Comparison build(long events, Comparison.InputCounts input) {
        TreeSet<GroupKey> keys = new TreeSet<>(baseline.keySet());
        keys.addAll(candidate.keySet());
        List<TotalRow> rows = new ArrayList<>(keys.size());
        for (GroupKey key : keys) {
            rows.add(new TotalRow(key.dimension(), key.key(), key.currency(),
                    baseline.getOrDefault(key, Figures.ZERO), candidate.getOrDefault(key, Figures.ZERO)));
        }
        Comparator<ContractReconciliation> byContract = Comparator.comparing(ContractReconciliation::contractId);
        baselineReconciliation.sort(byContract);
        candidateReconciliation.sort(byContract);
        return new Comparison(baselineLabel, candidateLabel, events, contracts, items, rows, changes, packageChanges,
                input, baselineReconciliation, candidateReconciliation);
    }
}
