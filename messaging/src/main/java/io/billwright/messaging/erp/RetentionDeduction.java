package io.billwright.messaging.erp;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.money.Money;
import java.util.Optional;

/**
 * The invoice line that takes the retention withheld by a package off what the customer pays now: one
 * negative line after the package's own lines, with no tax of its own (the lines carry the package's tax,
 * already net of any tax deferred to the release). Every ERP gets it in its own shape, so that the lines
 * plus their tax add up to the amount due.
 *
 * @param lineNo the number after the package's last line
 * @param amount the retention withheld, negated
 * @param tax    zero
 */
public record RetentionDeduction(int lineNo, Money amount, Money tax, String taxCode, String description) {

    static final String DESCRIPTION = "Retention withheld until contract completion";
    static final String ON_A_CREDIT = "Retention withheld on the credited lines: never paid, so not credited";

    /** The deduction for a package, or empty when it withholds nothing. */
    public static Optional<RetentionDeduction> of(BillingPackage billingPackage) {
        Money withheld = billingPackage.totals().retentionWithheld();
        if (withheld.isZero()) {
            return Optional.empty();
        }
        Money zero = Money.zero(withheld.currency());
        return Optional.of(new RetentionDeduction(billingPackage.lines().size() + 1, zero.minus(withheld), zero,
                TaxCodes.NOT_TAXABLE, billingPackage.isCreditNote() ? ON_A_CREDIT : DESCRIPTION));
    }
}
