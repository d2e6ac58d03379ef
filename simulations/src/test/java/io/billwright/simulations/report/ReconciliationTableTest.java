package io.billwright.simulations.report;

import static io.billwright.simulations.fixtures.ReconciliationTestData.balanced;
import static io.billwright.simulations.fixtures.ReconciliationTestData.reconciliation;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ReconciliationTableTest {

    private static final String HEADER = "Contract,As of,Currency,Contract value,Cap,Recorded items,Recorded,"
            + "Eligible unbilled items,Eligible unbilled,Billed items,Billed net,Tax,Retention withheld,"
            + "Retention released,Held items,Held,Held AWAITING_APPROVAL items,Held AWAITING_APPROVAL,"
            + "Held CAP_EXCEEDED items,Held CAP_EXCEEDED,Tracked items,Tracked hours,Rejected items,Rejected,"
            + "Written off items,Written off,Credits,Credited,Credits waiting,Credited waiting,Headroom,Balanced,"
            + "Breaks,Notes";

    @Test
    void writesOneRowPerContractWithExactAmountsAndAColumnPairPerHoldReason() throws Exception {
        StringWriter out = new StringWriter();

        ReconciliationTable.writeCsv(List.of(balanced("C-1"), reconciliation("C-2", List.of(
                "TE-5 is HELD CAP_EXCEEDED but counts 240.00 as eligible to bill", "another, \"quoted\""))), out);

        assertThat(out.toString().split("\r\n", -1)).containsExactly(HEADER,
                "C-1,2026-02-28,EUR,,10000.00,12,8140.00,1,200.00,7,7500.00,1425.00,375.00,0.00,3,440.00,1,0.00,2,"
                        + "440.00,1,7.5,0,0.00,0,0.00,1,120.00,1,120.00,2300.00,yes,,"
                        + "1 item(s) dated after 2026-02-28 left out",
                "C-2,2026-02-28,EUR,,10000.00,12,8140.00,1,200.00,7,7500.00,1425.00,375.00,0.00,3,440.00,1,0.00,2,"
                        + "440.00,1,7.5,0,0.00,0,0.00,1,120.00,1,120.00,2300.00,no,"
                        + "\"TE-5 is HELD CAP_EXCEEDED but counts 240.00 as eligible to bill; another, \"\"quoted\"\"\","
                        + "1 item(s) dated after 2026-02-28 left out",
                "");
    }

    @Test
    void sidesLeadEachRowInTheOrderGiven() throws Exception {
        Map<String, List<io.billwright.engine.reconcile.ContractReconciliation>> sides = new LinkedHashMap<>();
        sides.put("Baseline", List.of(balanced("C-1")));
        sides.put("Candidate", List.of(balanced("C-1"), balanced("C-2")));
        StringWriter out = new StringWriter();

        ReconciliationTable.writeCsv(sides, out);

        assertThat(out.toString().split("\r\n")).extracting(line -> String.join(",", List.of(line.split(",")).subList(0, 2)))
                .containsExactly("Side,Contract", "Baseline,C-1", "Candidate,C-1", "Candidate,C-2");
    }

    @Test
    void addsASheetWithNumericCells() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            ReconciliationTable.addSheet(workbook, List.of(balanced("C-1")));

            Sheet sheet = workbook.getSheet("Reconciliation");
            Row header = sheet.getRow(0);
            Row row = sheet.getRow(1);
            assertThat(header.getCell(10).getStringCellValue()).isEqualTo("Billed net");
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("C-1");
            assertThat(row.getCell(3)).as("no contract value: an empty cell").isNull();
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(10000.00);
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(7);
            assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(7500.00);
            assertThat(row.getCell(10).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00;[Red]-#,##0.00");
            assertThat(row.getCell(19).getNumericCellValue()).as("held over the cap").isEqualTo(440.00);
            assertThat(row.getCell(31).getStringCellValue()).isEqualTo("yes");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
    }
}
