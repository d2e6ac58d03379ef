package io.billwright.engine.billing;

import io.billwright.engine.tax.TaxTreatment;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.contract.ErpTarget;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An approved set of invoice lines, ready for an ERP.
 *
 * @param issueDate      the date of the event that completed it (never the wall clock)
 * @param retentionRules the rules that decided the withholding
 * @param credits        on a credit note, the invoice it credits; null on an invoice
 */
public record BillingPackage(PackageId id, ContractId contractId, int contractVersion, Trigger trigger, int sequence,
                             LocalDate issueDate, String customerId, Currency currency, ErpTarget erpTarget,
                             TaxTreatment taxTreatment, List<PackageLine> lines, PackageTotals totals,
                             String ruleSetVersion, List<String> retentionRules, List<String> sourceEventIds,
                             PackageId credits) {
    public BillingPackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(erpTarget, "erpTarget");
        lines = List.copyOf(lines);
        if ((credits != null) != (trigger.kind() == Trigger.Kind.CREDIT_NOTE)) {
            throw new IllegalArgumentException("a credit note, and only a credit note, names the invoice it credits");
        }
        Objects.requireNonNull(totals, "totals");
        retentionRules = List.copyOf(retentionRules);
        sourceEventIds = List.copyOf(sourceEventIds);
    }

    /** A credit note: its lines and totals are what is credited against the invoice {@link #credits}. */
    public boolean isCreditNote() {
        return credits != null;
    }
}
