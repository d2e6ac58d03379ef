package io.billwright.messaging.erp;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The part of every ERP payload that is Billwright's own: which package this is, what produced it and what
 * it adds up to. Connectors use it to deduplicate ({@code packageId}), to trace ({@code correlationId}) and to
 * check the ERP's own totals against Billwright's.
 *
 * @param ruleSetVersion the rule set that decided the package ({@code label@hash})
 * @param creditedPackageId on a credit note, the invoice (package id) it credits; absent on an invoice
 */
public record PackageHeader(String packageId, String contractId, int contractVersion, PackageTrigger trigger,
                            String ruleSetVersion, String correlationId,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> priorPeriodItems,
                            PackageAmounts totals,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String creditedPackageId) {
    public PackageHeader {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(totals, "totals");
        // absent on the wire when empty (an additive field): read back as empty
        priorPeriodItems = priorPeriodItems == null ? List.of() : List.copyOf(priorPeriodItems);
    }
}
