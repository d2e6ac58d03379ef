package io.billwright.messaging.erp;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import java.util.Objects;

/**
 * What every ERP payload is mapped from: a billing package, the contract version it was issued under
 * (for the seller and customer) and the correlation id it travels with.
 */
public record IssuedPackage(BillingPackage billingPackage, Contract contract, String correlationId) {
    public IssuedPackage {
        Objects.requireNonNull(billingPackage, "billingPackage");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(correlationId, "correlationId");
        if (correlationId.isBlank()) {
            throw new IllegalArgumentException("correlationId is blank");
        }
        if (!contract.id().equals(billingPackage.contractId())
                || contract.version() != billingPackage.contractVersion()) {
            throw new IllegalArgumentException("package " + billingPackage.id() + " was issued under contract "
                    + billingPackage.contractId() + " v" + billingPackage.contractVersion() + ", not "
                    + contract.id() + " v" + contract.version());
        }
    }
}
