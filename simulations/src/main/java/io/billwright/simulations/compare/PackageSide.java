package io.billwright.simulations.compare;

import io.billwright.engine.billing.BillingPackage;
import java.math.BigDecimal;

/**
 * A package as one side issued it; {@link #NONE} when that side did not issue it. A credit note's amounts are
 * negative: it takes them off what was billed, as the totals do.
 *
 * @param lines the number of lines (items billed in it)
 */
public record PackageSide(boolean issued, BigDecimal net, BigDecimal tax, BigDecimal retentionWithheld,
                          BigDecimal amountDue, int lines) {

    public static final PackageSide NONE = new PackageSide(false, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, 0);

    static PackageSide of(BillingPackage pkg) {
        if (pkg == null) {
            return NONE;
        }
        int sign = pkg.isCreditNote() ? -1 : 1;
        return new PackageSide(true, signed(pkg.totals().net().amount(), sign), signed(pkg.totals().tax().amount(), sign),
                signed(pkg.totals().retentionWithheld().amount(), sign), signed(pkg.totals().amountDue().amount(), sign),
                pkg.lines().size());
    }

    private static BigDecimal signed(BigDecimal amount, int sign) {
        return sign < 0 ? amount.negate() : amount;
    }

    boolean sameAs(PackageSide other) {
        return issued == other.issued && lines == other.lines && net.compareTo(other.net) == 0
                && tax.compareTo(other.tax) == 0 && retentionWithheld.compareTo(other.retentionWithheld) == 0
                && amountDue.compareTo(other.amountDue) == 0;
    }
}
