package io.billwright.messaging.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ops/contracts/{id}/reconciliation?asOf=2026-06-30}: where a contract's recorded work stands,
 * whether everything recorded is in exactly one state, and its packages the ERP has not acknowledged or
 * has rejected.
 */
@RestController
class ReconciliationController {

    private final Reconciliations reconciliations;
    private final Clock clock;

    ReconciliationController(Reconciliations reconciliations, Clock clock) {
        this.reconciliations = reconciliations;
        this.clock = clock;
    }

    @GetMapping("/ops/contracts/{id}/reconciliation")
    ResponseEntity<?> contract(@PathVariable String id, @RequestParam(required = false) String asOf) {
        LocalDate day = day(asOf);
        Reconciliations.ContractView view = reconciliations.contract(id, day);
        if (view == null) {
            return ResponseEntity.status(404).body(Map.of("error", "no contract " + id + " and no item of it"));
        }
        return ResponseEntity.ok(view);
    }

    /** Every contract's reconciliation as CSV, one row per contract (UTF-8 with a byte-order mark for Excel). */
    @GetMapping("/ops/reconciliation.csv")
    ResponseEntity<byte[]> portfolioCsv(@RequestParam(required = false) String asOf) throws java.io.IOException {
        LocalDate day = day(asOf);
        java.io.StringWriter csv = new java.io.StringWriter();
        csv.write('\ufeff');
        io.billwright.simulations.report.ReconciliationTable.writeCsv(reconciliations.portfolio(day), csv);
        return download(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "reconciliation-" + day + ".csv",
                "text/csv; charset=UTF-8");
    }

    /** The same as a workbook with one sheet. */
    @GetMapping("/ops/reconciliation.xlsx")
    ResponseEntity<byte[]> portfolioXlsx(@RequestParam(required = false) String asOf) throws java.io.IOException {
        LocalDate day = day(asOf);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(500)) {
            io.billwright.simulations.report.ReconciliationTable.addSheet(workbook, reconciliations.portfolio(day));
            workbook.write(bytes);
        }
        return download(bytes.toByteArray(), "reconciliation-" + day + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, String type) {
        return ResponseEntity.ok().header("Content-Type", type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").body(body);
    }

    LocalDate day(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(clock.withZone(ZoneOffset.UTC));
        }
        try {
            return LocalDate.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            throw new ManualDecisions.Refused(400, "asOf '" + asOf + "': write a date as 2026-06-30");
        }
    }
}
