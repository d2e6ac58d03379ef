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
