package io.billwright.simulations.compare;

import io.billwright.engine.reconcile.ContractReconciliation;
import java.util.List;

/**
 * The result of a what-if run: the same events through the baseline and the candidate rule set.
 *
 * @param baselineLabel  the baseline rule set's name and version
 * @param candidateLabel the candidate rule set's name and version
 * @param events         events replayed (through each side)
 * @param contracts      contracts they concern
 * @param items          items compared
 * @param totals         totals by {@link Dimension}, one row per group and currency
 * @param changes        every item whose decision or amounts changed
 * @param packageChanges every package whose amounts changed, or that one side only issued
 * @param input          what was read, and what was skipped on the way
 * @param baselineReconciliation  each contract's reconciliation at the end of the baseline's replay, by contract id
 * @param candidateReconciliation the same for the candidate
 */
public record Comparison(String baselineLabel, String candidateLabel, long events, long contracts, long items,
                         List<TotalRow> totals, List<LineChange> changes, List<PackageChange> packageChanges,
                         InputCounts input, List<ContractReconciliation> baselineReconciliation,
                         List<ContractReconciliation> candidateReconciliation) {

    /**
     * @param skippedLines lines skipped as bad ({@code --skip-bad-lines})
     * @param duplicates   lines skipped as the service would skip them: a message id seen before, the same
     *                     item with the same content under a new id, an update older than the one applied
     */
    public record InputCounts(long skippedLines, long duplicates) {
        public static final InputCounts NONE = new InputCounts(0, 0);
    }

    public Comparison {
        totals = List.copyOf(totals);
        changes = List.copyOf(changes);
        packageChanges = List.copyOf(packageChanges);
        input = input == null ? InputCounts.NONE : input;
        baselineReconciliation = baselineReconciliation == null ? List.of() : List.copyOf(baselineReconciliation);
        candidateReconciliation = candidateReconciliation == null ? List.of() : List.copyOf(candidateReconciliation);
    }

    /** The comparison without the package-level changes, input counts and reconciliations (for reports built by hand). */
    public Comparison(String baselineLabel, String candidateLabel, long events, long contracts, long items,
                      List<TotalRow> totals, List<LineChange> changes) {
        this(baselineLabel, candidateLabel, events, contracts, items, totals, changes, List.of(), InputCounts.NONE,
                List.of(), List.of());
    }

    public List<TotalRow> totalsBy(Dimension dimension) {
        return totals.stream().filter(row -> row.dimension() == dimension).toList();
    }
}
