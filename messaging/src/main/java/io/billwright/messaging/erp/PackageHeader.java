package io.billwright.messaging.erp;

import java.util.Objects;

/**
 * The part of every ERP payload that is Billwright's own: which package this is, what produced it and what
 * it adds up to. Connectors use it to deduplicate ({@code packageId}), to trace ({@code correlationId}) and to
 * check the ERP's own totals against Billwright's.
 *
 * @param ruleSetVersion the rule set that decided the package ({@code label@hash})
 */
public record PackageHeader(String packageId, String contractId, int contractVersion, PackageTrigger trigger,
                            String ruleSetVersion, String correlationId, PackageAmounts totals) {
    public PackageHeader {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(totals, "totals");
    }
}
