package io.billwright.engine.billing;

import io.billwright.engine.money.Money;
import java.util.Map;
import java.util.Objects;

/**
 * A package's totals: {@code amountDue = net + tax - retentionWithheld}.
 *
 * @param taxByTreatment tax per treatment (a treatment with no tax shows zero)
 * @param retentionTaxDeferred tax on the withheld amount when the contract taxes retention at release
 *                             (already left out of {@code tax})
 */
public record PackageTotals(Money net, Map<TaxTreatment, Money> taxByTreatment, Money tax, Money retentionWithheld,
                            Money retentionTaxDeferred, Money amountDue) {
    public PackageTotals {
        Objects.requireNonNull(net, "net");
        taxByTreatment = Map.copyOf(taxByTreatment);
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(retentionWithheld, "retentionWithheld");
        Objects.requireNonNull(retentionTaxDeferred, "retentionTaxDeferred");
        Objects.requireNonNull(amountDue, "amountDue");
    }
}
