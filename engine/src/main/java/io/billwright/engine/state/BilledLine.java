package io.billwright.engine.state;

import io.billwright.engine.billing.PackageLine;
import io.billwright.engine.tax.TaxTreatment;
import java.math.BigDecimal;

/**
 * The invoice line an item was billed on, as issued: what a credit of it repeats (its tax treatment and rate,
 * its retention), whatever the rules say today.
 */
public record BilledLine(String packageId, int lineNo, BigDecimal net, BigDecimal tax, BigDecimal retention,
                         TaxTreatment treatment, BigDecimal taxRate, String taxCitation) {

    public static BilledLine of(String packageId, PackageLine line) {
        return new BilledLine(packageId, line.lineNo(), line.net().amount(), line.tax().amount(),
                line.retention().amount(), line.treatment(), line.taxRate(), line.taxCitation());
    }
}
