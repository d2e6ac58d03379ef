package io.billwright.simulations.report;

import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.Dimension;
import io.billwright.simulations.compare.Figures;
import io.billwright.simulations.compare.TotalRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The part of the report for one currency: headline figures and the four charts. Never mixes currencies. */
final class CurrencySection {

    static final int TOP_CUSTOMERS = 15;

    private static final Series BASELINE = new Series("Baseline", "baseline");
    private static final Series CANDIDATE = new Series("Candidate", "candidate");
    private static final List<Metric> METRICS = List.of(
            new Metric("Billed net", Figures::billedNet),
            new Metric("Tax", Figures::tax),
            new Metric("Retention withheld", Figures::retentionWithheld),
            new Metric("Retention released", Figures::retentionReleased),
            new Metric("Held at end", Figures::held),
            new Metric("Invoiced", Figures::invoiced));

    private record Metric(String label, Function<Figures, BigDecimal> value) {
    }

    private final Comparison comparison;
    private final String currency;

    CurrencySection(Comparison comparison, String currency) {
        this.comparison = comparison;
        this.currency = currency;
    }

    static String anchor(String currency) {
        return "currency-" + currency.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    String html() {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<section class=\"currency\" id=\"").append(anchor(currency)).append("\" data-currency=\"")
                .append(Html.escape(currency)).append("\"><h2>").append(Html.escape(currency))
                .append(" <span class=\"sub\">all amounts in ").append(Html.escape(currency)).append("</span></h2>");
        appendHeadline(html);
        html.append("<div class=\"charts\">");
        appendByCustomer(html);
        appendByBillingModel(html);
        appendHeldByReason(html);
        appendMonthly(html);
        return html.append("</div></section>").toString();
    }

    private void appendHeadline(StringBuilder html) {
        List<TotalRow> totals = rows(Dimension.TOTAL);
        Figures baseline = totals.stream().map(TotalRow::baseline).reduce(Figures.ZERO, Figures::plus);
        Figures candidate = totals.stream().map(TotalRow::candidate).reduce(Figures.ZERO, Figures::plus);
        BigDecimal delta = candidate.invoiced().subtract(baseline.invoiced());
        html.append("<div class=\"kpi ").append(Amounts.deltaClass(delta)).append("\"><span class=\"kpi-label\">")
                .append("Invoiced, candidate vs baseline</span><span class=\"kpi-value\">")
                .append(Html.escape(Amounts.signed(delta, currency))).append(' ').append(Html.escape(currency))
                .append("</span><span class=\"kpi-note\">").append(Html.escape(percent(delta, baseline.invoiced())))
                .append("</span></div>");
        html.append("<table class=\"headline\"><thead><tr><th scope=\"col\"></th><th scope=\"col\" class=\"num\">")
                .append("Baseline</th><th scope=\"col\" class=\"num\">Candidate</th><th scope=\"col\" class=\"num\">")
                .append("Delta</th></tr></thead><tbody>");
        for (Metric metric : METRICS) {
            BigDecimal before = metric.value().apply(baseline);
            BigDecimal after = metric.value().apply(candidate);
            BigDecimal change = after.subtract(before);
            html.append("<tr").append(metric.label().equals("Invoiced") ? " class=\"total\"" : "")
                    .append("><th scope=\"row\">").append(metric.label()).append("</th><td class=\"num\">")
                    .append(Amounts.format(before, currency)).append("</td><td class=\"num\">")
                    .append(Amounts.format(after, currency))
                    .append("</td><td class=\"num delta ").append(Amounts.deltaClass(change)).append("\">")
                    .append(Amounts.signed(change, currency)).append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    /** The relative change, for reading only (rounded to one decimal); empty when the baseline is zero. */
    private static String percent(BigDecimal delta, BigDecimal baseline) {
        if (baseline.signum() == 0) {
            return delta.signum() == 0 ? "no change" : "";
        }
        BigDecimal ratio = delta.multiply(BigDecimal.valueOf(100)).divide(baseline.abs(), 1, RoundingMode.HALF_UP);
        return (ratio.signum() > 0 ? "+" : "") + ratio.toPlainString() + " % of baseline invoiced";
    }

    private void appendByCustomer(StringBuilder html) {
        List<TotalRow> changed = changedInvoiced(Dimension.CUSTOMER);
        List<BarGroup> top = changed.stream().limit(TOP_CUSTOMERS).map(CurrencySection::invoicedDelta).toList();
        String note = changed.size() > TOP_CUSTOMERS
                ? "Top " + TOP_CUSTOMERS + " of " + changed.size() + " customers by absolute delta"
                : changed.size() + " customer" + (changed.size() == 1 ? "" : "s") + " with a difference";
        appendFigure(html, "by-customer", "Invoiced delta by customer", note, top.isEmpty() ? null
                : new HorizontalBarChart("by-customer", "Invoiced delta by customer", currency,
                        List.of(Series.DELTA), top).svg(),
                "No differences in invoiced amounts by customer.");
    }

    private void appendByBillingModel(StringBuilder html) {
        List<BarGroup> groups = changedInvoiced(Dimension.BILLING_MODEL).stream()
                .map(CurrencySection::invoicedDelta).toList();
        appendFigure(html, "by-billing-model", "Invoiced delta by billing model", "Candidate minus baseline",
                groups.isEmpty() ? null : new HorizontalBarChart("by-billing-model", "Invoiced delta by billing model",
                        currency, List.of(Series.DELTA), groups).svg(),
                "No differences in invoiced amounts by billing model.");
    }

    private void appendHeldByReason(StringBuilder html) {
        List<BarGroup> groups = rows(Dimension.HELD_REASON).stream()
                .filter(row -> row.baseline().held().signum() != 0 || row.candidate().held().signum() != 0)
                .sorted(Comparator.comparing((TotalRow row) -> row.baseline().held().abs()
                        .max(row.candidate().held().abs())).reversed().thenComparing(TotalRow::key))
                .map(row -> new BarGroup(row.key(), List.of(row.baseline().held(), row.candidate().held())))
                .toList();
        appendFigure(html, "held-by-reason", "Held amounts by reason", "Held at the end of the replay",
                groups.isEmpty() ? null : new HorizontalBarChart("held-by-reason", "Held amounts by reason", currency,
                        List.of(BASELINE, CANDIDATE), groups).svg(),
                "Nothing held on either side.");
    }

    private void appendMonthly(StringBuilder html) {
        List<BarGroup> groups = rows(Dimension.MONTH).stream()
                .sorted(Comparator.comparing(TotalRow::key))
                .map(row -> new BarGroup(row.key(), List.of(row.baseline().invoiced(), row.candidate().invoiced())))
                .toList();
        appendFigure(html, "monthly", "Invoiced by month", "Baseline beside candidate",
                groups.isEmpty() ? null : new ColumnChart("monthly", "Invoiced by month", currency,
                        List.of(BASELINE, CANDIDATE), groups).svg(),
                "No monthly figures.");
    }

    private static void appendFigure(StringBuilder html, String id, String title, String note, String svg,
                                     String whenEmpty) {
        html.append("<figure class=\"panel\"><figcaption><span class=\"title\">").append(Html.escape(title))
                .append("</span>");
        if (svg != null) {
            html.append("<span class=\"note\">").append(Html.escape(note)).append("</span></figcaption>").append(svg);
        } else {
            html.append("</figcaption><p class=\"empty\" data-chart=\"").append(id).append("\">")
                    .append(Html.escape(whenEmpty)).append("</p>");
        }
        html.append("</figure>");
    }

    private List<TotalRow> rows(Dimension dimension) {
        return comparison.totalsBy(dimension).stream().filter(row -> row.currency().equals(currency)).toList();
    }

    /** Groups whose invoiced amount changed, largest absolute change first. */
    private List<TotalRow> changedInvoiced(Dimension dimension) {
        return rows(dimension).stream()
                .filter(row -> row.delta().invoiced().signum() != 0)
                .sorted(Comparator.comparing((TotalRow row) -> row.delta().invoiced().abs()).reversed()
                        .thenComparing(TotalRow::key))
                .toList();
    }

    private static BarGroup invoicedDelta(TotalRow row) {
        return new BarGroup(row.key(), List.of(row.delta().invoiced()));
    }
}
