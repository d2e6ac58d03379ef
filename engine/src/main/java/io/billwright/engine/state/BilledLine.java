package io.billwright.engine.state;

import io.billwright.engine.billing.PackageLine;
import io.billwright.engine.tax.TaxTreatment;
import java.math.BigDecimal;

/**
 * The invoice line an item was billed on: what a credit of it repeats (its tax treatment and rate, its
 * retention), whatever the rules say today. {@code net}, {@code tax} and {@code retention} are what is left of
 * the line once earlier credits are taken off, so no credit ever gives back more than the line carried.
 *
 * @param creditedBefore part of the line was credited already
 */
public record BilledLine(String packageId, int lineNo, BigDecimal net, BigDecimal tax, BigDecimal retention,
                         TaxTreatment treatment, BigDecimal taxRate, String taxCitation, boolean creditedBefore) {

    public static BilledLine of(String packageId, PackageLine line) {
        return new BilledLine(packageId, line.lineNo(), line.net().amount(), line.tax().amount(),
                line.retention().amount(), line.treatment(), line.taxRate(), line.taxCitation(), false);
    }

    /** What is left of the line once {@code net}, {@code tax} and {@code retention} are credited. */
    public BilledLine less(BigDecimal creditedNet, BigDecimal creditedTax, BigDecimal creditedRetention) {
        return new BilledLine(packageId, lineNo, net.subtract(creditedNet), tax.subtract(creditedTax),
                retention.subtract(creditedRetention), treatment, taxRate, taxCitation, true);
    }
}
