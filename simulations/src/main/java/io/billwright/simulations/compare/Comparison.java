package io.billwright.simulations.compare;

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
 */
public record Comparison(String baselineLabel, String candidateLabel, long events, long contracts, long items,
                         List<TotalRow> totals, List<LineChange> changes) {

    public Comparison {
        totals = List.copyOf(totals);
        changes = List.copyOf(changes);
    }

    public List<TotalRow> totalsBy(Dimension dimension) {
        return totals.stream().filter(row -> row.dimension() == dimension).toList();
    }
}
