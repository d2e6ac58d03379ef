package io.billwright.simulations.report;

import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.Dimension;
import io.billwright.simulations.compare.ItemSide;
import io.billwright.simulations.compare.LineChange;
import io.billwright.simulations.compare.PackageChange;
import io.billwright.simulations.compare.RuleImpact;
import io.billwright.simulations.compare.TotalRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The workbook finance opens in Excel: a Summary sheet that says what was simulated (the candidate's changes, the
 * input, the period, the events) above the headline totals per currency (the largest change first), one sheet per
 * dimension, the changed lines and packages, the rules changed (when any) and each side's reconciliation of every
 * contract ({@link ReconciliationTable}).
 *
 * <p>Amounts are numeric cells shown with thousands separators and their currency's minor units (Excel stores
 * numbers as binary floating point; the exact decimals are in the CSV files). Every sheet prints: landscape, one
 * page wide, its header row repeated on each page, columns as wide as their headers ({@link SheetLayout}).
 * Written as a stream, so a million changed lines fit in little memory; past Excel's row limit the sheet says
 * where the rest is.
 */
public final class XlsxReport {

    public static final String FILE = "what-if.xlsx";
    static final int MAX_ROWS = 1_048_576;

    private XlsxReport() {
    }

    /** Writes the workbook without a brief of what was simulated. */
    public static void write(Comparison comparison, Path folder) {
        write(comparison, SimulationBrief.NONE, RuleImpact.of(List.of(), comparison.changes()), folder);
    }

    static void write(Comparison comparison, SimulationBrief brief, List<RuleImpact> rules, Path folder) {
        Path file = folder.resolve(FILE);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); OutputStream out = Files.newOutputStream(file)) {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            List<String> currencies = CurrencyOrder.of(comparison);
            summarySheet(workbook, styles, comparison, brief, rules, currencies);
            for (Dimension dimension : Dimension.values()) {
                if (dimension != Dimension.TOTAL) {
                    totalsSheet(workbook.createSheet(sheetName(dimension)), styles, 0, comparison.totalsBy(dimension),
                            new SheetLayout());
                }
            }
            linesSheet(workbook, styles, comparison.changes());
            packagesSheet(workbook, styles, comparison);
            if (!rules.isEmpty()) {
                RulesChangedTable.addSheet(workbook, rules, styles.header);
            }
            ReconciliationTable.addSheet(workbook, CsvReports.reconciliationsBySide(comparison));
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String sheetName(Dimension dimension) {
        return dimension == Dimension.HELD_REASON ? "Held by reason" : "By " + dimension.label().toLowerCase(Locale.ROOT);
    }

    /** The few cell styles the workbook uses: bold headers, and amounts with each currency's minor units. */
    private static final class Styles {
        final CellStyle header;
        private final SXSSFWorkbook workbook;
        private final Map<Integer, CellStyle> money = new HashMap<>();

        Styles(SXSSFWorkbook workbook) {
            this.workbook = workbook;
            header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
        }

        CellStyle money(int minorUnits) {
            return money.computeIfAbsent(minorUnits, digits -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(Amounts.excelFormat(digits)));
                return style;
            });
        }
    }

    /** The brief in words, then the totals per currency, the largest change first. */
    private static void summarySheet(SXSSFWorkbook workbook, Styles styles, Comparison about, SimulationBrief brief,
                                     List<RuleImpact> rules, List<String> currencies) {
        SXSSFSheet sheet = workbook.createSheet("Summary");
        SheetLayout labels = new SheetLayout();
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue("What was simulated");
        title.getCell(0).setCellStyle(styles.header);
        int r = 1;
        for (int i = 0; i < brief.changes().size(); i++) {
            r = text(sheet, labels, r, i == 0 ? "Changes" : "", brief.changes().get(i));
        }
        for (SimulationBrief.Fact fact : brief.facts()) {
            r = text(sheet, labels, r, fact.label(), fact.text());
        }
        r = text(sheet, labels, r, "Baseline", about.baselineLabel());
        r = text(sheet, labels, r, "Candidate", about.candidateLabel());
        if (brief.events() == 0) {
            r = text(sheet, labels, r, SimulationBrief.EVENTS, count(about.events()));
        }
        r = text(sheet, labels, r, "Contracts", count(about.contracts()));
        r = text(sheet, labels, r, "Items changed", count(about.changes().size()) + " of " + count(about.items()));
        r = text(sheet, labels, r, "Packages changed", count(about.packageChanges().size()));
        if (!rules.isEmpty()) {
            r = text(sheet, labels, r, "Rules changed", RulesChangedTable.counts(rules) + " (sheet "
                    + RulesChangedTable.SHEET + ")");
        }
        r = text(sheet, labels, r, "Bad lines skipped", count(about.input().skippedLines()));
        r = text(sheet, labels, r, "Repeated messages skipped", count(about.input().duplicates()));
        r = text(sheet, labels, r, "Currencies", String.join(", ", currencies) + " (the largest change first)");
        totalsSheet(sheet, styles, r + 1, CurrencyOrder.sort(about.totalsBy(Dimension.TOTAL), currencies), labels);
    }

    /** A header row at {@code headerRow} and one row per group and currency; then the widths and page setup. */
    private static void totalsSheet(Sheet sheet, Styles styles, int headerRow, List<TotalRow> rows,
                                    SheetLayout layout) {
        List<String> names = CsvReports.summaryHeader().subList(1, CsvReports.summaryHeader().size());
        layout.header(0, names);
        header(sheet.createRow(headerRow), styles, names);
        if (headerRow == 0) {
            sheet.createFreezePane(0, 1);
        }
        int r = headerRow + 1;
        for (TotalRow row : rows) {
            Row out = sheet.createRow(r++);
            out.createCell(0).setCellValue(row.key());
            out.createCell(1).setCellValue(row.currency());
            layout.text(0, row.key());
            int c = 2;
            for (Measure measure : Measure.values()) {
                money(out, c++, measure.of(row.baseline()), row.currency(), styles, layout);
                money(out, c++, measure.of(row.candidate()), row.currency(), styles, layout);
                money(out, c++, measure.of(row.delta()), row.currency(), styles, layout);
            }
        }
        layout.applyTo(sheet, headerRow);
    }

    private static void linesSheet(SXSSFWorkbook workbook, Styles styles, List<LineChange> changes) {
        SXSSFSheet sheet = workbook.createSheet("Changed lines");
        SheetLayout layout = new SheetLayout().header(0, CsvReports.linesHeader());
        header(sheet.createRow(0), styles, CsvReports.linesHeader());
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (LineChange line : changes) {
            if (r == MAX_ROWS - 1) {
                sheet.createRow(r).createCell(0).setCellValue((changes.size() - r + 1)
                        + " more changed lines are in lines.csv (Excel's row limit)");
                break;
            }
            Row out = sheet.createRow(r++);
            int c = 0;
            for (String value : List.of(line.contractId(), line.customer(), line.billingModel(), line.jurisdiction(),
                    line.itemId(), line.kind(), line.month(), line.currency())) {
                layout.text(c, value);
                out.createCell(c++).setCellValue(value);
            }
            c = side(out, c, line.baseline(), line.currency(), styles, layout);
            c = side(out, c, line.candidate(), line.currency(), styles, layout);
            money(out, c, line.candidate().billed().subtract(line.baseline().billed()), line.currency(), styles,
                    layout);
        }
        layout.applyTo(sheet, 0);
    }

    private static void packagesSheet(SXSSFWorkbook workbook, Styles styles, Comparison comparison) {
        SXSSFSheet sheet = workbook.createSheet("Changed packages");
        SheetLayout layout = new SheetLayout().header(0, CsvReports.packagesHeader());
        header(sheet.createRow(0), styles, CsvReports.packagesHeader());
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (PackageChange change : comparison.packageChanges()) {
            if (r == MAX_ROWS - 1) {
                sheet.createRow(r).createCell(0).setCellValue("more changed packages are in packages.csv");
                break;
            }
            Row out = sheet.createRow(r++);
            List<Object> cells = CsvReports.packageCells(change);
            for (int c = 0; c < cells.size(); c++) {
                Object cell = cells.get(c);
                if (cell instanceof String text && c >= 5 && text.matches("-?\\d+(\\.\\d+)?")) {
                    money(out, c, new BigDecimal(text), change.currency(), styles, layout);
                } else if (cell instanceof Integer number) {
                    out.createCell(c).setCellValue(number);
                    layout.text(c, number.toString());
                } else {
                    out.createCell(c).setCellValue(String.valueOf(cell));
                    layout.text(c, String.valueOf(cell));
                }
            }
        }
        layout.applyTo(sheet, 0);
    }

    private static int side(Row out, int c, ItemSide side, String currency, Styles styles, SheetLayout layout) {
        layout.text(c, side.status());
        out.createCell(c++).setCellValue(side.status());
        layout.text(c, side.reason());
        out.createCell(c++).setCellValue(side.reason());
        money(out, c++, side.billed(), currency, styles, layout);
        money(out, c++, side.pending(), currency, styles, layout);
        String rules = String.join("; ", side.rules());
        layout.text(c, rules);
        out.createCell(c++).setCellValue(rules);
        return c;
    }

    /** A label and its value; the label's column as wide as the label. */
    private static int text(Sheet sheet, SheetLayout labels, int r, String label, String value) {
        labels.text(0, label);
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
        return r + 1;
    }

    private static void header(Row row, Styles styles, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            row.createCell(c).setCellValue(names.get(c));
            row.getCell(c).setCellStyle(styles.header);
        }
    }

    private static void money(Row row, int c, BigDecimal amount, String currency, Styles styles, SheetLayout layout) {
        int digits = Amounts.minorUnits(currency);
        row.createCell(c).setCellValue(amount.doubleValue());
        row.getCell(c).setCellStyle(styles.money(digits));
        layout.amount(c, amount, digits);
    }

    private static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
