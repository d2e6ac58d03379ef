package io.billwright.engine.billing;

import io.billwright.engine.tax.TaxOutcome;
import java.math.BigDecimal;

/**
 * A package, or why none could be issued.
 *
 * @param withheld retention withheld by this package (rounded), zero when none
 * @param problem  null when {@code billingPackage} is present
 */
public record AssembledPackage(BillingPackage billingPackage, BigDecimal withheld, String problem, TaxOutcome tax) {
    public boolean issued() {
        return billingPackage != null;
    }
}
