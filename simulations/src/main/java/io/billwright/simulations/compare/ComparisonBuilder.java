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
    private final Map<Long, List<LineChange>> changes = new TreeMap<>();
    private final Map<Long, List<PackageChange>> packageChanges = new TreeMap<>();
    private final List<ContractReconciliation> baselineReconciliation = new ArrayList<>();
    private final List<ContractReconciliation> candidateReconciliation = new ArrayList<>();
    private long contracts;
    private long items;

    private static <T> List<T> flatten(Map<Long, List<T>> byOrder) {
        List<T> out = new ArrayList<>();
        byOrder.values().forEach(out::addAll);
        return out;
    }

    public ComparisonBuilder(String baselineLabel, String candidateLabel) {
        this.baselineLabel = baselineLabel;
        this.candidateLabel = candidateLabel;
    }

    /** Adds the contract after those added before it. */
    public synchronized void add(ContractDiff diff) {
        add(contracts, diff);
    }

    /**
     * Adds a contract from any thread, in any order: its totals are summed at once and its changes listed by
     * {@code order}, so the contract's figures can go and the result does not depend on which contract came
     * first.
     *
     * @param order where the contract's changes go among the others' (its place in the input)
     */
    public synchronized void add(long order, ContractDiff diff) {
        diff.baseline().forEach((key, figures) -> baseline.merge(key, figures, Figures::plus));
        diff.candidate().forEach((key, figures) -> candidate.merge(key, figures, Figures::plus));
        if (!diff.changes().isEmpty()) {
            changes.put(order, diff.changes());
        }
        if (!diff.packageChanges().isEmpty()) {
            packageChanges.put(order, diff.packageChanges());
        }
        baselineReconciliation.add(diff.baselineReconciliation());
        candidateReconciliation.add(diff.candidateReconciliation());
        contracts++;
        items += diff.items();
    }

    public synchronized Comparison build(long events, Comparison.InputCounts input) {
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
        return new Comparison(baselineLabel, candidateLabel, events, contracts, items, rows, flatten(changes),
                flatten(packageChanges), input, baselineReconciliation, candidateReconciliation);
    }
}
