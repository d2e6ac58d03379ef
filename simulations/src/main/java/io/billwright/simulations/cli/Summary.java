package io.billwright.simulations.cli;

import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.Dimension;
import io.billwright.simulations.compare.TotalRow;
import io.billwright.simulations.input.LoadedEvents;
import io.billwright.simulations.report.Measure;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** The one screen printed at the end of a run: what changed in money, where, and where the reports are. */
final class Summary {

    private final PrintWriter out;

    Summary(PrintWriter out) {
        this.out = out;
    }

    void print(Comparison comparison, LoadedEvents input, Path folder, Timings timings) {
        out.println();
        out.printf("What-if: %s%n     vs: %s%n", comparison.candidateLabel(), comparison.baselineLabel());
        out.printf("%,d events, %,d contracts, %,d items; %,d items and %,d invoices changed%s%n",
                comparison.events(), comparison.contracts(), comparison.items(), comparison.changes().size(),
                comparison.packageChanges().size(),
                input.skipped().isEmpty() && input.duplicates() == 0 ? ""
                        : String.format(" (%,d bad lines skipped, %,d repeated messages ignored)", input.skipped().size(),
                                input.duplicates()));
        for (TotalRow total : comparison.totalsBy(Dimension.TOTAL)) {
            out.println();
            out.printf("%-20s %18s %18s %18s%n", total.currency(), "baseline", "candidate", "change");
            for (Measure measure : Measure.values()) {
                out.printf("%-20s %18s %18s %18s%n", measure.label(), money(measure.of(total.baseline())),
                        money(measure.of(total.candidate())), signed(measure.of(total.delta())));
            }
            List<TotalRow> customers = comparison.totalsBy(Dimension.CUSTOMER).stream()
                    .filter(row -> row.currency().equals(total.currency()))
                    .filter(row -> Measure.INVOICED.of(row.delta()).signum() != 0)
                    .sorted(Comparator.comparing((TotalRow row) -> Measure.INVOICED.of(row.delta()).abs()).reversed())
                    .limit(5).toList();
            if (!customers.isEmpty()) {
                out.println("largest changes in invoiced amount:");
                customers.forEach(row -> out.printf("  %-40s %18s%n", clip(row.key()),
                        signed(Measure.INVOICED.of(row.delta()))));
            }
        }
        out.println();
        out.printf("Reports in %s: summary.csv, lines.csv, packages.csv, reconciliation.csv, what-if.xlsx,"
                + " report.html%n",
                folder.toAbsolutePath().normalize());
        out.println(timings);
        out.flush();
    }

    private static String money(BigDecimal amount) {
        return String.format("%,.2f", amount);
    }

    private static String signed(BigDecimal amount) {
        return (amount.signum() > 0 ? "+" : "") + money(amount);
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }
}
