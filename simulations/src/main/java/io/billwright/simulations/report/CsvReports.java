package io.billwright.simulations.report;

import io.billwright.engine.reconcile.ContractReconciliation;
import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.ItemSide;
import io.billwright.simulations.compare.LineChange;
import io.billwright.simulations.compare.PackageChange;
import io.billwright.simulations.compare.PackageSide;
import io.billwright.simulations.compare.TotalRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code summary.csv} (totals by dimension and group, baseline, candidate and delta for every measure),
 * {@code lines.csv} (every changed item) and {@code packages.csv} (every package whose amounts changed, or
 * that one side only issued) and {@code reconciliation.csv} (each side's reconciliation of every contract, see
 * {@link ReconciliationTable}). Amounts are exact decimals with a point; the files start with a
 * byte-order mark so Excel reads them as UTF-8.
 */
public final class CsvReports {

    public static final String SUMMARY = "summary.csv";
    public static final String LINES = "lines.csv";
    public static final String PACKAGES = "packages.csv";

    private CsvReports() {
    }

    public static void write(Comparison comparison, Path folder) {
        writeSummary(comparison, folder.resolve(SUMMARY));
        writeLines(comparison, folder.resolve(LINES));
        writePackages(comparison, folder.resolve(PACKAGES));
        writeReconciliation(comparison, folder.resolve(ReconciliationTable.FILE));
    }

    /** Both sides' reconciliations, one row per side and contract, baseline first. */
    static Map<String, List<ContractReconciliation>> reconciliationsBySide(Comparison comparison) {
        Map<String, List<ContractReconciliation>> sides = new LinkedHashMap<>();
        sides.put("Baseline", comparison.baselineReconciliation());
        sides.put("Candidate", comparison.candidateReconciliation());
        return sides;
    }

    private static void writeReconciliation(Comparison comparison, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            ReconciliationTable.writeCsv(reconciliationsBySide(comparison), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static List<String> packagesHeader() {
        List<String> header = new ArrayList<>(List.of("Package", "Contract", "Customer", "Trigger", "Currency"));
        for (String side : List.of("Baseline", "Candidate")) {
            header.addAll(List.of(side + " issued", side + " lines", side + " net", side + " tax",
                    side + " retention withheld", side + " amount due"));
        }
        header.add("Amount due delta");
        return header;
    }

    static List<Object> packageCells(PackageChange change) {
        List<Object> cells = new ArrayList<>(List.of(change.packageId(), change.contractId(), change.customer(),
                change.trigger(), change.currency()));
        for (PackageSide side : List.of(change.baseline(), change.candidate())) {
            cells.addAll(List.of(side.issued() ? "yes" : "no", side.lines(), plain(side.net(), change.currency()),
                    plain(side.tax(), change.currency()), plain(side.retentionWithheld(), change.currency()),
                    plain(side.amountDue(), change.currency())));
        }
        cells.add(plain(change.candidate().amountDue().subtract(change.baseline().amountDue()), change.currency()));
        return cells;
    }

    private static void writePackages(Comparison comparison, Path file) {
        try (CSVPrinter csv = open(file, packagesHeader())) {
            for (PackageChange change : comparison.packageChanges()) {
                csv.printRecord(packageCells(change));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static List<String> summaryHeader() {
        List<String> header = new ArrayList<>(List.of("Dimension", "Group", "Currency"));
        for (Measure measure : Measure.values()) {
            header.add(measure.label() + " (baseline)");
            header.add(measure.label() + " (candidate)");
            header.add(measure.label() + " (delta)");
        }
        return header;
    }

    static List<String> linesHeader() {
        return List.of("Contract", "Customer", "Billing model", "Jurisdiction", "Item", "Kind", "Month", "Currency",
                "Baseline status", "Baseline reason", "Baseline billed", "Baseline pending", "Baseline rules",
                "Candidate status", "Candidate reason", "Candidate billed", "Candidate pending", "Candidate rules",
                "Billed delta");
    }

    private static void writeSummary(Comparison comparison, Path file) {
        try (CSVPrinter csv = open(file, summaryHeader())) {
            for (TotalRow row : comparison.totals()) {
                List<Object> cells = new ArrayList<>(List.of(row.dimension().label(), row.key(), row.currency()));
                for (Measure measure : Measure.values()) {
                    cells.add(plain(measure.of(row.baseline()), row.currency()));
                    cells.add(plain(measure.of(row.candidate()), row.currency()));
                    cells.add(plain(measure.of(row.delta()), row.currency()));
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void writeLines(Comparison comparison, Path file) {
        try (CSVPrinter csv = open(file, linesHeader())) {
            for (LineChange line : comparison.changes()) {
                List<Object> cells = new ArrayList<>(List.of(line.contractId(), line.customer(), line.billingModel(),
                        line.jurisdiction(), line.itemId(), line.kind(), line.month(), line.currency()));
                addSide(cells, line.baseline(), line.currency());
                addSide(cells, line.candidate(), line.currency());
                cells.add(plain(line.candidate().billed().subtract(line.baseline().billed()), line.currency()));
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void addSide(List<Object> cells, ItemSide side, String currency) {
        cells.add(side.status());
        cells.add(side.reason());
        cells.add(plain(side.billed(), currency));
        cells.add(plain(side.pending(), currency));
        cells.add(String.join("; ", side.rules()));
    }

    private static CSVPrinter open(Path file, List<String> header) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        return new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\r\n").get());
    }

    /** The exact amount, with at least the currency's minor units (0 EUR is 0.00). */
    static String plain(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        return amount.scale() >= digits || digits < 0 ? amount.toPlainString() : amount.setScale(digits).toPlainString();
    }
}
