package io.billwright.simulations.report;

import io.billwright.engine.reconcile.ContractReconciliation;
import io.billwright.engine.reconcile.Tally;
import io.billwright.simulations.compare.Comparison;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The report's reconciliation: per currency, the portfolio's totals on each side (how many contracts balance,
 * what the recorded items stand at), then every break, side and contract named. Never adds up currencies.
 */
final class ReconciliationSection {

    static final String ANCHOR = "reconciliation";
    static final int BREAKS_SHOWN = 25;

    private final Comparison comparison;
    private final List<String> order;

    /** @param order the report's order of currencies; a currency only the reconciliations name comes after them */
    ReconciliationSection(Comparison comparison, List<String> order) {
        this.comparison = comparison;
        this.order = order;
    }

    /** One side's contracts in one currency, added up. */
    record Totals(int contracts, int balanced, Tally recorded, Tally eligibleUnbilled, Tally billedNet, BigDecimal tax,
                  BigDecimal retained, BigDecimal released, Tally held, Tally tracked, Tally rejected,
                  Tally writtenOff, Tally credited, BigDecimal headroom) {

        static final Totals NONE = new Totals(0, 0, Tally.NONE, Tally.NONE, Tally.NONE, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, Tally.NONE, Tally.NONE, Tally.NONE, Tally.NONE, Tally.NONE, null);

        Totals plus(ContractReconciliation r) {
            BigDecimal room = r.headroom() == null ? headroom
                    : headroom == null ? r.headroom() : headroom.add(r.headroom());
            return new Totals(contracts + 1, balanced + (r.balanced() ? 1 : 0), recorded.plus(r.recorded()),
                    eligibleUnbilled.plus(r.eligibleUnbilled()), billedNet.plus(r.billedNet()), tax.add(r.tax()),
                    retained.add(r.retained()), released.add(r.released()), held.plus(r.held()),
                    tracked.plus(r.tracked()), rejected.plus(r.rejected()), writtenOff.plus(r.writtenOff()),
                    credited.plus(r.credited()), room);
        }

        /** The totals of {@code rows} by currency. */
        static Map<String, Totals> byCurrency(List<ContractReconciliation> rows) {
            Map<String, Totals> out = new TreeMap<>();
            rows.forEach(r -> out.compute(r.currency(), (currency, sum) -> (sum == null ? NONE : sum).plus(r)));
            return out;
        }
    }

    /** A row of the totals table: its label, and its text for a side's totals in a currency. */
    private record Measure(String label, BiFunction<Totals, String, String> value) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("Contracts balanced", (t, c) -> count(t.balanced()) + " of " + count(t.contracts())),
            new Measure("Recorded", (t, c) -> tally(t.recorded(), c)),
            new Measure("Eligible, not billed", (t, c) -> tally(t.eligibleUnbilled(), c)),
            new Measure("Billed net", (t, c) -> tally(t.billedNet(), c)),
            new Measure("Tax", (t, c) -> Amounts.format(t.tax(), c)),
            new Measure("Retention withheld", (t, c) -> Amounts.format(t.retained(), c)),
            new Measure("Retention released", (t, c) -> Amounts.format(t.released(), c)),
            new Measure("Held", (t, c) -> tally(t.held(), c)),
            new Measure("Tracked", (t, c) -> count(t.tracked().count()) + " items"),
            new Measure("Rejected", (t, c) -> tally(t.rejected(), c)),
            new Measure("Written off", (t, c) -> tally(t.writtenOff(), c)),
            new Measure("Credited", (t, c) -> tally(t.credited(), c)),
            new Measure("Headroom (cap or value left)", (t, c) -> t.headroom() == null ? "\u2013"
                    : Amounts.format(t.headroom(), c)));

    String html() {
        Map<String, Totals> baseline = Totals.byCurrency(comparison.baselineReconciliation());
        Map<String, Totals> candidate = Totals.byCurrency(comparison.candidateReconciliation());
        TreeSet<String> others = new TreeSet<>(baseline.keySet());
        others.addAll(candidate.keySet());
        List<String> currencies = new ArrayList<>(order.stream().filter(others::contains).toList());
        others.stream().filter(c -> !currencies.contains(c)).forEach(currencies::add);
        StringBuilder html = new StringBuilder(4_096);
        html.append("<section class=\"reconciliation\" id=\"").append(ANCHOR).append("\"><h2>Reconciliation")
                .append(" <span class=\"sub\">each contract's items in exactly one place, its figures adding up")
                .append(" (").append(ReconciliationTable.FILE).append(")</span></h2>");
        if (currencies.isEmpty()) {
            html.append("<p class=\"empty\">No contract was reconciled.</p>");
        }
        for (String currency : currencies) {
            appendTotals(html, currency, baseline.getOrDefault(currency, Totals.NONE),
                    candidate.getOrDefault(currency, Totals.NONE));
        }
        appendBreaks(html);
        return html.append("</section>").toString();
    }

    private static void appendTotals(StringBuilder html, String currency, Totals baseline, Totals candidate) {
        html.append("<table class=\"headline reconciliation-totals\" data-currency=\"").append(Html.escape(currency))
                .append("\"><caption>").append(Html.escape(currency)).append(", amount (items)</caption><thead><tr>")
                .append("<th scope=\"col\"></th><th scope=\"col\" class=\"num\">Baseline</th>")
                .append("<th scope=\"col\" class=\"num\">Candidate</th></tr></thead><tbody>");
        for (Measure measure : MEASURES) {
            html.append("<tr><th scope=\"row\">").append(measure.label()).append("</th><td class=\"num\">")
                    .append(Html.escape(measure.value().apply(baseline, currency))).append("</td><td class=\"num\">")
                    .append(Html.escape(measure.value().apply(candidate, currency))).append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private void appendBreaks(StringBuilder html) {
        List<String> breaks = new ArrayList<>();
        collect(breaks, "Baseline", comparison.baselineReconciliation());
        collect(breaks, "Candidate", comparison.candidateReconciliation());
        if (breaks.isEmpty()) {
            html.append("<p class=\"balanced\">Every contract balances on both sides.</p>");
            return;
        }
        html.append("<h3>Breaks</h3><ul class=\"breaks\">");
        breaks.stream().limit(BREAKS_SHOWN).forEach(line -> html.append("<li>").append(line).append("</li>"));
        html.append("</ul>");
        if (breaks.size() > BREAKS_SHOWN) {
            html.append("<p class=\"more\">").append(breaks.size() - BREAKS_SHOWN).append(" more in ")
                    .append(ReconciliationTable.FILE).append("</p>");
        }
    }

    private static void collect(List<String> out, String side, List<ContractReconciliation> rows) {
        for (ContractReconciliation row : rows) {
            for (String sentence : row.breaks()) {
                out.add("<span class=\"side\">" + side + "</span> <b>" + Html.escape(row.contractId()) + "</b>: "
                        + Html.escape(sentence));
            }
        }
    }

    private static String tally(Tally tally, String currency) {
        return Amounts.format(tally.amount(), currency) + " (" + count(tally.count()) + ")";
    }

    private static String count(long count) {
        return String.format(java.util.Locale.ROOT, "%,d", count);
    }
}
