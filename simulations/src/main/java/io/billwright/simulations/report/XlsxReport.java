package io.billwright.simulations.report;

import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.Dimension;
import io.billwright.simulations.compare.ItemSide;
import io.billwright.simulations.compare.LineChange;
import io.billwright.simulations.compare.TotalRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The workbook finance opens in Excel: a sheet of headline totals, one per dimension, the changed lines and
 * packages, and each side's reconciliation of every contract ({@link ReconciliationTable}).
 * Amounts are numeric cells formatted with two decimals (Excel stores numbers as binary floating point;
 * the exact decimals are in the CSV files). Written as a stream, so a million changed lines fit in little
 * memory; past Excel's row limit the sheet says where the rest is.
 */
public final class XlsxReport {

    public static final String FILE = "what-if.xlsx";
    static final int MAX_ROWS = 1_048_576;

    private XlsxReport() {
    }

    public static void write(Comparison comparison, Path folder) {
        Path file = folder.resolve(FILE);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); OutputStream out = Files.newOutputStream(file)) {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            totalsSheet(workbook, styles, "Summary", comparison.totalsBy(Dimension.TOTAL), comparison);
            for (Dimension dimension : Dimension.values()) {
                if (dimension != Dimension.TOTAL) {
                    totalsSheet(workbook, styles, sheetName(dimension), comparison.totalsBy(dimension), null);
                }
            }
            linesSheet(workbook, styles, comparison.changes());
            packagesSheet(workbook, styles, comparison);
            ReconciliationTable.addSheet(workbook, CsvReports.reconciliationsBySide(comparison));
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String sheetName(Dimension dimension) {
        return dimension == Dimension.HELD_REASON ? "Held by reason" : "By " + dimension.label().toLowerCase(java.util.Locale.ROOT);
    }

    /** The few cell styles the workbook uses. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle money;

        Styles(SXSSFWorkbook workbook) {
            header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00;[Red]-#,##0.00"));
        }
    }

    private static void totalsSheet(SXSSFWorkbook workbook, Styles styles, String name, List<TotalRow> rows,
                                     Comparison about) {
        SXSSFSheet sheet = workbook.createSheet(name);
        int r = 0;
        if (about != null) {
            r = text(sheet, r, "Baseline", about.baselineLabel());
            r = text(sheet, r, "Candidate", about.candidateLabel());
            r = text(sheet, r, "Events replayed", Long.toString(about.events()));
            r = text(sheet, r, "Contracts", Long.toString(about.contracts()));
            r = text(sheet, r, "Items changed", about.changes().size() + " of " + about.items());
            r = text(sheet, r, "Packages changed", Long.toString(about.packageChanges().size()));
            r = text(sheet, r, "Bad lines skipped", Long.toString(about.input().skippedLines()));
            r = text(sheet, r, "Repeated messages skipped", Long.toString(about.input().duplicates()));
            r++;
        }
        header(sheet.createRow(r++), styles, CsvReports.summaryHeader().subList(1, CsvReports.summaryHeader().size()));
        sheet.createFreezePane(0, r);
        for (TotalRow row : rows) {
            Row out = sheet.createRow(r++);
            out.createCell(0).setCellValue(row.key());
            out.createCell(1).setCellValue(row.currency());
            int c = 2;
            for (Measure measure : Measure.values()) {
                money(out, c++, measure.of(row.baseline()), styles);
                money(out, c++, measure.of(row.candidate()), styles);
                money(out, c++, measure.of(row.delta()), styles);
            }
        }
        sheet.setColumnWidth(0, 40 * 256);
        for (int c = 2; c < 2 + 3 * Measure.values().length; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
    }

    private static void linesSheet(SXSSFWorkbook workbook, Styles styles, List<LineChange> changes) {
        SXSSFSheet sheet = workbook.createSheet("Changed lines");
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
                out.createCell(c++).setCellValue(value);
            }
            c = side(out, c, line.baseline(), styles);
            c = side(out, c, line.candidate(), styles);
            money(out, c, line.candidate().billed().subtract(line.baseline().billed()), styles);
        }
        sheet.setColumnWidth(1, 30 * 256);
    }

    private static void packagesSheet(SXSSFWorkbook workbook, Styles styles, Comparison comparison) {
        SXSSFSheet sheet = workbook.createSheet("Changed packages");
        header(sheet.createRow(0), styles, CsvReports.packagesHeader());
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (io.billwright.simulations.compare.PackageChange change : comparison.packageChanges()) {
            if (r == MAX_ROWS - 1) {
                sheet.createRow(r).createCell(0).setCellValue("more changed packages are in packages.csv");
                break;
            }
            Row out = sheet.createRow(r++);
            List<Object> cells = CsvReports.packageCells(change);
            for (int c = 0; c < cells.size(); c++) {
                Object cell = cells.get(c);
                if (cell instanceof String text && c >= 5 && text.matches("-?\\d+(\\.\\d+)?")) {
                    money(out, c, new BigDecimal(text), styles);
                } else if (cell instanceof Integer count) {
                    out.createCell(c).setCellValue(count);
                } else {
                    out.createCell(c).setCellValue(String.valueOf(cell));
                }
            }
        }
        sheet.setColumnWidth(0, 44 * 256);
        sheet.setColumnWidth(2, 30 * 256);
    }

    private static int side(Row out, int c, ItemSide side, Styles styles) {
        out.createCell(c++).setCellValue(side.status());
        out.createCell(c++).setCellValue(side.reason());
        money(out, c++, side.billed(), styles);
        money(out, c++, side.pending(), styles);
        out.createCell(c++).setCellValue(String.join("; ", side.rules()));
        return c;
    }

    private static int text(Sheet sheet, int r, String label, String value) {
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

    private static void money(Row row, int c, BigDecimal amount, Styles styles) {
        row.createCell(c).setCellValue(amount.doubleValue());
        row.getCell(c).setCellStyle(styles.money);
    }
}
