package io.billwright.simulations.report;

import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.LineChange;
import io.billwright.simulations.compare.TotalRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a {@link Comparison} as one self-contained HTML page for finance: headline figures per currency,
 * charts as inline SVG, the reconciliation of each side's portfolio (totals per currency, how many contracts
 * balance, every break), and a filterable, sortable table of the changed lines. The page loads nothing from
 * the network: its style, script and data are all inline.
 *
 * <p>Amounts appear exactly as computed ({@link java.math.BigDecimal#toPlainString()}); amounts in
 * different currencies are never added up: each currency has its own figures and charts.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** Writes the report to {@code file} in UTF-8, replacing it if it exists. */
    public static void write(Comparison comparison, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(comparison, out);
        }
    }

    /** Writes the report to {@code out}, which the caller closes. */
    public static void write(Comparison comparison, Writer out) throws IOException {
        Writer page = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        List<String> currencies = currencies(comparison);
        page.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"generator\" content=\"Billwright simulations\"><title>What-if: "
                + Html.escape(comparison.baselineLabel()) + " vs " + Html.escape(comparison.candidateLabel())
                + "</title><style>");
        page.write(Assets.CSS);
        page.write("</style></head><body>");
        writeMasthead(page, comparison, currencies);
        page.write("<main>");
        if (currencies.isEmpty()) {
            page.write("<p class=\"empty\">No totals: no item was compared.</p>");
        }
        for (String currency : currencies) {
            page.write(new CurrencySection(comparison, currency).html());
        }
        page.write(new ReconciliationSection(comparison).html());
        LinesTable.writeTable(page, comparison.changes().size());
        page.write("</main><footer>Amounts are exact, as computed by the rule engine; amounts in different "
                + "currencies are never added up. Delta = candidate \u2212 baseline. Invoiced = net + tax \u2212 "
                + "retention withheld + retention released.</footer>");
        LinesTable.writeData(page, comparison.changes());
        page.write("<script>");
        page.write(Assets.JS);
        page.write("</script></body></html>\n");
        page.flush();
    }

    private static void writeMasthead(Writer out, Comparison comparison, List<String> currencies)
            throws IOException {
        out.write("<header class=\"masthead\"><p class=\"eyebrow\">Billwright \u00b7 what-if simulation</p><h1>"
                + "<span class=\"side-label baseline\">" + Html.escape(comparison.baselineLabel()) + "</span>"
                + "<span class=\"vs\">vs</span><span class=\"side-label candidate\">"
                + Html.escape(comparison.candidateLabel()) + "</span></h1><dl class=\"facts\">");
        fact(out, "Events replayed", Long.toString(comparison.events()));
        fact(out, "Contracts", Long.toString(comparison.contracts()));
        fact(out, "Items compared", Long.toString(comparison.items()));
        fact(out, "Changed lines", Integer.toString(comparison.changes().size()));
        fact(out, "Changed invoices", comparison.packageChanges().size() + " (packages.csv)");
        if (comparison.input().skippedLines() > 0 || comparison.input().duplicates() > 0) {
            fact(out, "Lines skipped", comparison.input().skippedLines() + " bad (skipped.csv), "
                    + comparison.input().duplicates() + " repeated");
        }
        fact(out, "Currencies", currencies.isEmpty() ? "none" : String.join(", ", currencies));
        out.write("</dl><nav aria-label=\"Sections\">");
        for (String currency : currencies) {
            out.write("<a href=\"#" + CurrencySection.anchor(currency) + "\">" + Html.escape(currency) + "</a>");
        }
        out.write("<a href=\"#" + ReconciliationSection.ANCHOR + "\">Reconciliation</a>");
        out.write("<a href=\"#lines\">Changed lines</a></nav></header>");
    }

    private static void fact(Writer out, String name, String value) throws IOException {
        out.write("<div><dt>" + name + "</dt><dd>" + Html.escape(value) + "</dd></div>");
    }

    private static List<String> currencies(Comparison comparison) {
        TreeSet<String> currencies = new TreeSet<>();
        Stream.concat(comparison.totals().stream().map(TotalRow::currency),
                comparison.changes().stream().map(LineChange::currency).filter(c -> c != null && !c.isEmpty()))
                .forEach(currencies::add);
        return List.copyOf(currencies);
    }
}
