package io.billwright.simulations.report;

import static io.billwright.simulations.fixtures.ComparisonTestData.line;
import static io.billwright.simulations.fixtures.ComparisonTestData.net;
import static io.billwright.simulations.fixtures.ComparisonTestData.row;
import static io.billwright.simulations.fixtures.ComparisonTestData.side;
import static io.billwright.simulations.fixtures.ReconciliationTestData.balanced;
import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.rules.diff.RuleChange;
import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.Dimension;
import io.billwright.simulations.compare.TotalRow;
import io.billwright.simulations.fixtures.ComparisonTestData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPageSetup;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STOrientation;

/** The workbook as written: what it says first, and how every sheet prints (its page-setup XML). */
class XlsxReportTest {

    private static final List<String> SHEETS = List.of("Summary", "By billing model", "By customer",
            "By jurisdiction", "By month", "Held by reason", "Changed lines", "Changed packages", "Rules changed",
            "Reconciliation");

    @TempDir
    Path folder;

    @Test
    void everySheetPrintsLandscapeOnePageWideWithItsHeaderRowOnEveryPage() throws Exception {
        try (XSSFWorkbook workbook = write()) {
            assertThat(workbook.sheetIterator()).toIterable().extracting(sheet -> sheet.getSheetName())
                    .containsExactlyElementsOf(SHEETS);
            for (String name : SHEETS) {
                XSSFSheet sheet = workbook.getSheet(name);
                CTPageSetup page = sheet.getCTWorksheet().getPageSetup();
                assertThat(page.getOrientation()).as(name).isEqualTo(STOrientation.LANDSCAPE);
                assertThat(page.getFitToWidth()).as(name + ": one page wide").isEqualTo(1);
                assertThat(page.getFitToHeight()).as(name + ": as many pages high as it takes").isZero();
                assertThat(sheet.getCTWorksheet().getSheetPr().getPageSetUpPr().getFitToPage()).as(name).isTrue();
                assertThat(sheet.getFooter().getCenter()).as(name).contains("&P", "&N");
                int header = headerRow(sheet);
                assertThat(sheet.getRepeatingRows()).as(name + ": the header row on every page")
                        .isEqualTo(new CellRangeAddress(header, header, -1, -1));
                for (Cell cell : sheet.getRow(header)) {
                    String heading = cell.getStringCellValue();
                    assertThat(sheet.getColumnWidth(cell.getColumnIndex())).as(name + ": column '" + heading + "'")
                            .isGreaterThanOrEqualTo(heading.length() * 256);
                }
            }
        }
    }

    @Test
    void theSummarySaysWhatWasSimulatedAboveTheTotalsLargestChangeFirst() throws Exception {
        try (XSSFWorkbook workbook = write()) {
            XSSFSheet summary = workbook.getSheet("Summary");
            List<String> labels = new ArrayList<>();
            for (int r = 0; r < headerRow(summary); r++) {
                Row row = summary.getRow(r);
                if (row != null) {
                    labels.add(text(row, 0) + "|" + text(row, 1));
                }
            }
            assertThat(labels).startsWith("What was simulated|",
                    "Changes|DE VAT 19 % \u2192 16 % on every invoice in the period",
                    "|retention 5 % for contracts from 2026-07-01",
                    "Input file|q3.jsonl",
                    "Period|2026-07-01 to 2026-09-30",
                    "Events replayed|18,420",
                    "Baseline|standard-2026.2 (v41)",
                    "Candidate|standard-2026.3-rc1 (v42)")
                    .contains("Rules changed|1 added, 0 removed, 0 changed (sheet Rules changed)");
            int header = headerRow(summary);
            assertThat(summary.getColumnWidth(0)).as("the labels fit")
                    .isGreaterThanOrEqualTo("Repeated messages skipped".length() * 256);
            // JPY changes most, then EUR (+14,384.25), then USD (-8,100.00)
            assertThat(List.of(text(summary.getRow(header + 1), 1), text(summary.getRow(header + 2), 1),
                    text(summary.getRow(header + 3), 1))).containsExactly("JPY", "EUR", "USD");
            Cell jpy = summary.getRow(header + 1).getCell(2);
            assertThat(jpy.getNumericCellValue()).isEqualTo(50_000_000d);
            assertThat(jpy.getCellStyle().getDataFormatString()).isEqualTo("#,##0;[Red]-#,##0");
            assertThat(summary.getRow(header + 2).getCell(2).getCellStyle().getDataFormatString())
                    .isEqualTo("#,##0.00;[Red]-#,##0.00");
        }
    }

    @Test
    void listsTheRulesChangedWithTheItemsEachAffected() throws Exception {
        try (XSSFWorkbook workbook = write()) {
            XSSFSheet rules = workbook.getSheet("Rules changed");
            assertThat(text(rules.getRow(0), 0) + "," + text(rules.getRow(0), 4)).isEqualTo("Change,Items affected");
            assertThat(text(rules.getRow(1), 0)).isEqualTo("added");
            assertThat(text(rules.getRow(1), 2)).isEqualTo("require-po-above-threshold");
            assertThat(rules.getRow(1).getCell(4).getNumericCellValue()).as("lines naming it").isEqualTo(8);
            assertThat(rules.getLastRowNum()).isEqualTo(1);
        }
    }

    private XSSFWorkbook write() throws Exception {
        Comparison sample = ComparisonTestData.sample();
        List<TotalRow> totals = new ArrayList<>(sample.totals());
        totals.add(row(Dimension.TOTAL, "All", "JPY", net("50000000"), net("20000000")));
        List<io.billwright.simulations.compare.LineChange> changes = new ArrayList<>(sample.changes());
        changes.add(line("CTR-9", "C-0301 Kaisha KK", "ITEM-9", "JPY", side("ELIGIBLE", "", "1500"),
                side("ELIGIBLE", "", "1200")));
        Comparison comparison = new Comparison(sample.baselineLabel(), sample.candidateLabel(), sample.events(),
                sample.contracts(), sample.items(), totals, changes, List.of(), Comparison.InputCounts.NONE,
                List.of(balanced("C-1")), List.of(balanced("C-1")));
        RuleChange added = new RuleChange(RuleChange.Kind.ADDED, null,
                new RuleInfo("billwright.tm", "require-po-above-threshold", "Hold work above 10,000 without a PO"),
                null, null);
        SimulationBrief brief = new SimulationBrief(List.of("DE VAT 19 % \u2192 16 % on every invoice in the period",
                "retention 5 % for contracts from 2026-07-01"), List.of("q3.jsonl"), LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 9, 30), sample.events(), List.of(added));
        Reports.writeAll(comparison, brief, List.of(), folder);
        return new XSSFWorkbook(folder.resolve(XlsxReport.FILE).toFile());
    }

    /** The row of column headings: the first whose first cell is a known heading. */
    private static int headerRow(XSSFSheet sheet) {
        for (Row row : sheet) {
            String first = text(row, 0);
            if (List.of("Group", "Contract", "Package", "Change", "Side").contains(first)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError(sheet.getSheetName() + " has no header row");
    }

    private static String text(Row row, int column) {
        Cell cell = row == null ? null : row.getCell(column);
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }
}
