package io.billwright.engine.billing;

import io.billwright.engine.tax.TaxTreatment;
import io.billwright.engine.money.Money;
import java.util.Map;
import java.util.Objects;

/**
 * A package's totals, each the sum of its lines: {@code amountDue = net + tax - retentionWithheld}.
 *
 * @param taxByTreatment tax per treatment (a treatment with no tax shows zero)
 * @param retentionTaxDeferred when the contract taxes retention at release: the tax the lines would
 *                             carry on their withheld parts, left out of {@code tax} until the release
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
