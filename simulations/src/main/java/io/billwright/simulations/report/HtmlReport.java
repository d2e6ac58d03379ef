package io.billwright.simulations.report;

import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.RuleImpact;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Comparison} as one self-contained HTML page for finance: what was simulated in words, headline
 * figures per currency (the largest change first), charts as inline SVG, the rules changed with the items each
 * affected, the reconciliation of each side's portfolio (totals per currency, how many contracts balance, every
 * break), and a filterable, sortable table of the changed lines. The page loads nothing from the network: its
 * style, script and data are all inline.
 *
 * <p>Amounts are shown with thousands separators and their currency's minor units, never rounded
 * ({@link Amounts}); amounts in different currencies are never added up: each currency has its own figures and
 * charts.
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

    /** Writes the report, without a brief of what was simulated, to {@code out}, which the caller closes. */
    public static void write(Comparison comparison, Writer out) throws IOException {
        write(comparison, SimulationBrief.NONE, out);
    }

    /** Writes the report to {@code out}, which the caller closes. */
    public static void write(Comparison comparison, SimulationBrief brief, Writer out) throws IOException {
        write(comparison, brief, RuleImpact.of(brief.ruleChanges(), comparison.changes()), out);
    }

    static void write(Comparison comparison, SimulationBrief brief, List<RuleImpact> rules, Writer out)
            throws IOException {
        Writer page = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        List<String> currencies = CurrencyOrder.of(comparison);
        page.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"generator\" content=\"Billwright simulations\"><title>What-if: "
                + Html.escape(brief.changes().isEmpty()
                        ? comparison.baselineLabel() + " vs " + comparison.candidateLabel()
                        : String.join("; ", brief.changes()))
                + "</title><style>");
        page.write(Assets.CSS);
        page.write("</style></head><body>");
        page.write(new Masthead(comparison, brief, rules, currencies).html());
        page.write("<main>");
        if (currencies.isEmpty()) {
            page.write("<p class=\"empty\">No totals: no item was compared.</p>");
        }
        for (String currency : currencies) {
            page.write(new CurrencySection(comparison, currency).html());
        }
        if (!rules.isEmpty()) {
            page.write(new RulesChangedSection(rules).html());
        }
        page.write(new ReconciliationSection(comparison, currencies).html());
        LinesTable.writeTable(page, comparison.changes().size());
        page.write("</main><footer>Amounts are exact, as computed by the rule engine, with thousands separators and "
                + "at least their currency's minor units; amounts in different currencies are never added up. "
                + "Currencies are in order of the size of their change, then of their volume. Delta = candidate "
                + "\u2212 baseline. Invoiced = net + tax \u2212 retention withheld + retention released.</footer>");
        LinesTable.writeData(page, comparison.changes());
        page.write("<script>");
        page.write(Assets.JS);
        page.write("</script></body></html>\n");
        page.flush();
    }
}
