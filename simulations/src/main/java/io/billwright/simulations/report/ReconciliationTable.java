package io.billwright.simulations.report;

import io.billwright.engine.reconcile.ContractReconciliation;
import io.billwright.engine.reconcile.Tally;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Contracts' reconciliations as a table, one row per contract: as CSV ({@code reconciliation.csv}) or as a sheet
 * of a workbook ("Reconciliation"). For the what-if reports and for a service's portfolio export alike.
 *
 * <p>Columns: contract, as of, currency, contract value, cap, then count and amount of the recorded items, the
 * eligible ones not billed, the billed (net), tax, retention withheld and released, the held, one count and
 * amount column per hold reason found in any row, the tracked (count and hours), the rejected, those written
 * off, the credits and those waiting for their credit note, the headroom, whether the contract balances, its
 * breaks and notes. The variants taking sides lead with a "Side" column, the sides in the map's order.
 *
 * <p>In CSV, amounts are exact decimals with a point and at least the currency's minor units, empty when there is
 * none (no cap); in the sheet they are numeric cells shown with thousands separators and the currency's minor
 * units (Excel keeps binary floating point: the exact figures are in the CSV). The sheet prints: landscape, one
 * page wide, the header row on every page, every column as wide as its header.
 */
public final class ReconciliationTable {

    /** The file name the what-if reports use. */
    public static final String FILE = "reconciliation.csv";
    /** The sheet {@link #addSheet} adds. */
    public static final String SHEET = "Reconciliation";

    private static final String SIDE = "Side";

    private enum Kind { TEXT, COUNT, MONEY, HOURS }

    private record Column(String header, Kind kind, Function<ContractReconciliation, Object> value) {
    }

    private ReconciliationTable() {
    }

    /**
     * Writes a header and one row per contract to {@code out}, CRLF-separated. The caller owns {@code out}: it is
     * flushed, not closed, and nothing is written before the header (a file for Excel starts with a byte-order
     * mark the caller writes).
     */
    public static void writeCsv(List<ContractReconciliation> contracts, Writer out) throws IOException {
        writeCsv(unsided(contracts), out, false);
    }

    /** As {@link #writeCsv(List, Writer)}, with a leading "Side" column naming each row's side (the map's key). */
    public static void writeCsv(Map<String, List<ContractReconciliation>> bySide, Writer out) throws IOException {
        writeCsv(bySide, out, true);
    }

    /** Adds the sheet {@value #SHEET}: a header row and one row per contract. */
    public static void addSheet(Workbook workbook, List<ContractReconciliation> contracts) {
        addSheet(workbook, unsided(contracts), false);
    }

    /** As {@link #addSheet(Workbook, List)}, with a leading "Side" column naming each row's side. */
    public static void addSheet(Workbook workbook, Map<String, List<ContractReconciliation>> bySide) {
        addSheet(workbook, bySide, true);
    }

    private static void writeCsv(Map<String, List<ContractReconciliation>> bySide, Writer out, boolean sided)
            throws IOException {
        List<Column> columns = columns(bySide);
        List<String> header = new ArrayList<>();
        if (sided) {
            header.add(SIDE);
        }
        columns.forEach(column -> header.add(column.header()));
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\r\n").get());
        for (Map.Entry<String, List<ContractReconciliation>> side : bySide.entrySet()) {
            for (ContractReconciliation contract : side.getValue()) {
                List<String> cells = new ArrayList<>(header.size());
                if (sided) {
                    cells.add(side.getKey());
                }
                for (Column column : columns) {
                    cells.add(text(column, column.value().apply(contract), contract.currency()));
                }
                csv.printRecord(cells);
            }
        }
        csv.flush();
    }

    private static void addSheet(Workbook workbook, Map<String, List<ContractReconciliation>> bySide, boolean sided) {
        List<Column> columns = columns(bySide);
        Sheet sheet = workbook.createSheet(SHEET);
        CellStyle header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        Map<Integer, CellStyle> money = new java.util.HashMap<>();
        CellStyle hours = workbook.createCellStyle();
        hours.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        int offset = sided ? 1 : 0;
        SheetLayout layout = new SheetLayout();
        Row top = sheet.createRow(0);
        if (sided) {
            top.createCell(0).setCellValue(SIDE);
            top.getCell(0).setCellStyle(header);
            layout.header(0, List.of(SIDE));
        }
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = top.createCell(offset + c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(header);
        }
        layout.header(offset, columns.stream().map(Column::header).toList());
        sheet.createFreezePane(offset + 1, 1);
        int r = 1;
        int limit = workbook.getSpreadsheetVersion().getMaxRows();
        rows:
        for (Map.Entry<String, List<ContractReconciliation>> side : bySide.entrySet()) {
            for (ContractReconciliation contract : side.getValue()) {
                if (r == limit - 1) {
                    sheet.createRow(r).createCell(0).setCellValue("more contracts are in " + FILE
                            + " (Excel's row limit)");
                    break rows;
                }
                Row row = sheet.createRow(r++);
                if (sided) {
                    row.createCell(0).setCellValue(side.getKey());
                    layout.text(0, side.getKey());
                }
                int digits = Amounts.minorUnits(contract.currency());
                for (int c = 0; c < columns.size(); c++) {
                    Column column = columns.get(c);
                    Object value = column.value().apply(contract);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(offset + c);
                    switch (column.kind()) {
                        case COUNT -> {
                            cell.setCellValue(((Number) value).doubleValue());
                            layout.text(offset + c, value.toString());
                        }
                        case MONEY -> {
                            cell.setCellValue(((BigDecimal) value).doubleValue());
                            cell.setCellStyle(money.computeIfAbsent(digits, d -> moneyStyle(workbook, d)));
                            layout.amount(offset + c, (BigDecimal) value, digits);
                        }
                        case HOURS -> {
                            cell.setCellValue(((BigDecimal) value).doubleValue());
                            cell.setCellStyle(hours);
                            layout.amount(offset + c, (BigDecimal) value, 2);
                        }
                        case TEXT -> {
                            cell.setCellValue(value.toString());
                            layout.text(offset + c, value.toString());
                        }
                    }
                }
            }
        }
        layout.applyTo(sheet, 0);
    }

    /** Amounts with thousands separators and the currency's {@code digits}, negatives in red. */
    private static CellStyle moneyStyle(Workbook workbook, int digits) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(Amounts.excelFormat(digits)));
        return style;
    }

    private static String text(Column column, Object value, String currency) {
        if (value == null) {
            return "";
        }
        return column.kind() == Kind.MONEY ? CsvReports.plain((BigDecimal) value, currency)
                : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** The columns, with one pair per hold reason found in any of the rows, reasons in alphabetical order. */
    private static List<Column> columns(Map<String, List<ContractReconciliation>> bySide) {
        TreeSet<String> reasons = new TreeSet<>();
        bySide.values().forEach(rows -> rows.forEach(r -> reasons.addAll(r.heldByReason().keySet())));
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Contract", Kind.TEXT, ContractReconciliation::contractId));
        columns.add(new Column("As of", Kind.TEXT, r -> r.asOf().toString()));
        columns.add(new Column("Currency", Kind.TEXT, ContractReconciliation::currency));
        columns.add(new Column("Contract value", Kind.MONEY, ContractReconciliation::contractValue));
        columns.add(new Column("Cap", Kind.MONEY, ContractReconciliation::cap));
        tally(columns, "Recorded items", "Recorded", ContractReconciliation::recorded);
        tally(columns, "Eligible unbilled items", "Eligible unbilled", ContractReconciliation::eligibleUnbilled);
        tally(columns, "Billed items", "Billed net", ContractReconciliation::billedNet);
        columns.add(new Column("Tax", Kind.MONEY, ContractReconciliation::tax));
        columns.add(new Column("Retention withheld", Kind.MONEY, ContractReconciliation::retained));
        columns.add(new Column("Retention released", Kind.MONEY, ContractReconciliation::released));
        tally(columns, "Held items", "Held", ContractReconciliation::held);
        for (String reason : reasons) {
            columns.add(new Column("Held " + reason + " items", Kind.COUNT,
                    r -> r.heldCountByReason().getOrDefault(reason, 0)));
            columns.add(new Column("Held " + reason, Kind.MONEY,
                    r -> r.heldByReason().getOrDefault(reason, BigDecimal.ZERO)));
        }
        columns.add(new Column("Tracked items", Kind.COUNT, r -> r.tracked().count()));
        columns.add(new Column("Tracked hours", Kind.HOURS, ContractReconciliation::trackedHours));
        tally(columns, "Rejected items", "Rejected", ContractReconciliation::rejected);
        tally(columns, "Written off items", "Written off", ContractReconciliation::writtenOff);
        tally(columns, "Credits", "Credited", ContractReconciliation::credited);
        tally(columns, "Credits waiting", "Credited waiting", ContractReconciliation::creditsWaiting);
        columns.add(new Column("Headroom", Kind.MONEY, ContractReconciliation::headroom));
        columns.add(new Column("Balanced", Kind.TEXT, r -> r.balanced() ? "yes" : "no"));
        columns.add(new Column("Breaks", Kind.TEXT, r -> String.join("; ", r.breaks())));
        columns.add(new Column("Notes", Kind.TEXT, r -> String.join("; ", r.notes())));
        return columns;
    }

    /** Two columns: the count and the amount. */
    private static void tally(List<Column> columns, String count, String amount,
                              Function<ContractReconciliation, Tally> tally) {
        columns.add(new Column(count, Kind.COUNT, r -> tally.apply(r).count()));
        columns.add(new Column(amount, Kind.MONEY, r -> tally.apply(r).amount()));
    }

    private static Map<String, List<ContractReconciliation>> unsided(List<ContractReconciliation> contracts) {
        Map<String, List<ContractReconciliation>> one = new LinkedHashMap<>();
        one.put("", Objects.requireNonNull(contracts, "contracts"));
        return one;
    }
}
