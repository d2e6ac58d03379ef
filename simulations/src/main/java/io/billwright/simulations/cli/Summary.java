package io.billwright.simulations.cli;

import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.Dimension;
import io.billwright.simulations.compare.TotalRow;
import io.billwright.simulations.input.InputFacts;
import io.billwright.simulations.report.Amounts;
import io.billwright.simulations.report.CurrencyOrder;
import io.billwright.simulations.report.Measure;
import io.billwright.simulations.report.SimulationBrief;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one screen printed at the end of a run: what was simulated, what changed in money (per currency, the largest
 * change first, amounts grouped with the currency's minor units), where, and where the reports are. The columns
 * are as wide as their longest label and amount.
 */
final class Summary {

    private static final String[] SIDES = {"baseline", "candidate", "change"};
    private static final int MIN_AMOUNT_WIDTH = 14;
    private static final int CUSTOMER_WIDTH = 40;

    private final PrintWriter out;

    Summary(PrintWriter out) {
        this.out = out;
    }

    void print(Comparison comparison, SimulationBrief brief, InputFacts input, Path folder, Timings timings) {
        out.println();
        out.printf("What-if: %s%n     vs: %s%n", comparison.candidateLabel(), comparison.baselineLabel());
        brief.changes().forEach(change -> out.println("  - " + change));
        brief.facts().stream().filter(fact -> !fact.label().equals(SimulationBrief.EVENTS))
                .forEach(fact -> out.println(fact.label() + ": " + fact.text()));
        out.printf(Locale.ROOT, "%,d events, %,d contracts, %,d items; %,d items and %,d invoices changed%s%n",
                comparison.events(), comparison.contracts(), comparison.items(), comparison.changes().size(),
                comparison.packageChanges().size(),
                input.skipped().isEmpty() && input.duplicates() == 0 ? ""
                        : String.format(Locale.ROOT, " (%,d bad lines skipped, %,d repeated messages ignored)",
                                input.skipped().size(), input.duplicates()));
        List<String> currencies = CurrencyOrder.of(comparison);
        for (TotalRow total : CurrencyOrder.sort(comparison.totalsBy(Dimension.TOTAL), currencies)) {
            out.println();
            printTotals(total);
            printLargestCustomers(comparison, total);
        }
        out.println();
        out.printf("Reports in %s: summary.csv, lines.csv, packages.csv, reconciliation.csv, what-if.xlsx,"
                + " report.html%s%n", folder.toAbsolutePath().normalize(),
                brief.ruleChanges().isEmpty() ? "" : ", rules-changed.csv");
        out.println(timings);
        out.flush();
    }

    /** The currency's measures, baseline, candidate and change, each column as wide as its widest cell. */
    private void printTotals(TotalRow total) {
        String currency = total.currency();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {currency, SIDES[0], SIDES[1], SIDES[2]});
        for (Measure measure : Measure.values()) {
            rows.add(new String[] {measure.label(), Amounts.format(measure.of(total.baseline()), currency),
                Amounts.format(measure.of(total.candidate()), currency),
                Amounts.signed(measure.of(total.delta()), currency)});
        }
        int label = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
        int amount = Math.max(MIN_AMOUNT_WIDTH, rows.stream()
                .mapToInt(row -> Math.max(row[1].length(), Math.max(row[2].length(), row[3].length()))).max()
                .orElse(0));
        String format = "%-" + label + "s  %" + amount + "s  %" + amount + "s  %" + amount + "s%n";
        rows.forEach(row -> out.printf(format, (Object[]) row));
    }

    private void printLargestCustomers(Comparison comparison, TotalRow total) {
        List<TotalRow> customers = comparison.totalsBy(Dimension.CUSTOMER).stream()
                .filter(row -> row.currency().equals(total.currency()))
                .filter(row -> Measure.INVOICED.of(row.delta()).signum() != 0)
                .sorted(Comparator.comparing((TotalRow row) -> Measure.INVOICED.of(row.delta()).abs()).reversed())
                .limit(5).toList();
        if (customers.isEmpty()) {
            return;
        }
        out.println("largest changes in invoiced amount:");
        List<String> amounts = customers.stream()
                .map(row -> Amounts.signed(Measure.INVOICED.of(row.delta()), total.currency())).toList();
        int width = Math.max(MIN_AMOUNT_WIDTH, amounts.stream().mapToInt(String::length).max().orElse(0));
        for (int i = 0; i < customers.size(); i++) {
            out.printf("  %-" + CUSTOMER_WIDTH + "s  %" + width + "s%n", clip(customers.get(i).key()),
                    amounts.get(i));
        }
    }

    private static String clip(String text) {
        return text.length() <= CUSTOMER_WIDTH ? text : text.substring(0, CUSTOMER_WIDTH - 1) + "\u2026";
    }
}
