package io.billwright.messaging.erp;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Turns an issued billing package into the payload of the ERP its contract names
 * ({@link BillingPackage#erpTarget()}).
 */
@Component
public final class ErpPayloads {

    private final NetSuiteInvoiceMapper netSuite;
    private final SapBillingDocumentRequestMapper sap;
    private final Dynamics365FreeTextInvoiceMapper dynamics;

    public ErpPayloads(NetSuiteInvoiceMapper netSuite, SapBillingDocumentRequestMapper sap,
                       Dynamics365FreeTextInvoiceMapper dynamics) {
        this.netSuite = Objects.requireNonNull(netSuite, "netSuite");
        this.sap = Objects.requireNonNull(sap, "sap");
        this.dynamics = Objects.requireNonNull(dynamics, "dynamics");
    }

    /**
     * The payload for {@code pkg}'s ERP target: a {@link NetSuiteInvoice}, a {@link SapBillingDocumentRequest}
     * or a {@link Dynamics365FreeTextInvoice}.
     *
     * @param contract      the contract version the package was issued under
     * @param correlationId carried in the payload's header
     * @throws IllegalArgumentException when {@code contract} is not the version {@code pkg} names
     */
    public ErpPayload payloadFor(BillingPackage pkg, Contract contract, String correlationId) {
        IssuedPackage source = new IssuedPackage(pkg, contract, correlationId);
        return switch (pkg.erpTarget()) {
            case NETSUITE -> pkg.isCreditNote() ? netSuite.toCreditMemo(source) : netSuite.toInvoice(source);
            case SAP_S4HANA -> sap.toBillingDocumentRequest(source);
            case DYNAMICS_365 -> dynamics.toFreeTextInvoice(source);
        };
    }
}
