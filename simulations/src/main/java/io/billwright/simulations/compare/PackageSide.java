package io.billwright.simulations.compare;

import io.billwright.engine.billing.BillingPackage;
import java.math.BigDecimal;

/**
 * A package as one side issued it; {@link #NONE} when that side did not issue it.
 *
 * @param lines the number of lines (items billed in it)
 */
public record PackageSide(boolean issued, BigDecimal net, BigDecimal tax, BigDecimal retentionWithheld,
                          BigDecimal amountDue, int lines) {

    public static final PackageSide NONE = new PackageSide(false, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, 0);

    static PackageSide of(BillingPackage pkg) {
        return pkg == null ? NONE : new PackageSide(true, pkg.totals().net().amount(), pkg.totals().tax().amount(),
                pkg.totals().retentionWithheld().amount(), pkg.totals().amountDue().amount(), pkg.lines().size());
    }

    boolean sameAs(PackageSide other) {
        return issued == other.issued && lines == other.lines && net.compareTo(other.net) == 0
                && tax.compareTo(other.tax) == 0 && retentionWithheld.compareTo(other.retentionWithheld) == 0
                && amountDue.compareTo(other.amountDue) == 0;
    }
}
