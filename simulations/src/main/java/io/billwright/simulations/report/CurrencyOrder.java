package io.billwright.simulations.report;

import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.Dimension;
import io.billwright.simulations.compare.Figures;
import io.billwright.simulations.compare.LineChange;
import io.billwright.simulations.compare.TotalRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which the reports show currencies: the largest change first (the absolute invoiced delta), then
 * the largest volume (the larger side's invoiced amount), then by code. Amounts in different currencies are
 * compared only to order them, never added up; a currency that only changed lines name comes last.
 */
public final class CurrencyOrder {

    /** One currency's totals on each side. */
    private record Sides(Figures baseline, Figures candidate) {
        static final Sides NONE = new Sides(Figures.ZERO, Figures.ZERO);

        Sides plus(Sides other) {
            return new Sides(baseline.plus(other.baseline), candidate.plus(other.candidate));
        }

        BigDecimal change() {
            return candidate.invoiced().subtract(baseline.invoiced()).abs();
        }

        BigDecimal volume() {
            return baseline.invoiced().abs().max(candidate.invoiced().abs());
        }
    }

    private CurrencyOrder() {
    }

    /** Every currency of the totals and the changed lines, in the reports' order. */
    public static List<String> of(Comparison comparison) {
        Map<String, Sides> sides = new LinkedHashMap<>();
        for (TotalRow row : comparison.totalsBy(Dimension.TOTAL)) {
            sides.merge(row.currency(), new Sides(row.baseline(), row.candidate()), Sides::plus);
        }
        comparison.totals().forEach(row -> sides.putIfAbsent(row.currency(), Sides.NONE));
        comparison.changes().stream().map(LineChange::currency).filter(c -> c != null && !c.isEmpty())
                .forEach(c -> sides.putIfAbsent(c, Sides.NONE));
        List<String> currencies = new ArrayList<>(sides.keySet());
        currencies.sort(Comparator.comparing((String c) -> sides.get(c).change()).reversed()
                .thenComparing(Comparator.comparing((String c) -> sides.get(c).volume()).reversed())
                .thenComparing(Comparator.naturalOrder()));
        return List.copyOf(currencies);
    }

    /** The rows in the reports' order of their currencies (rows of one currency keep their order). */
    public static List<TotalRow> sort(List<TotalRow> rows, List<String> order) {
        return rows.stream().sorted(Comparator.comparingInt((TotalRow row) -> rank(order, row.currency()))).toList();
    }

    private static int rank(List<String> order, String currency) {
        int at = order.indexOf(currency);
        return at < 0 ? order.size() : at;
    }
}
