package io.billwright.engine.billing;

import io.billwright.engine.tax.TaxTreatment;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One invoice line.
 *
 * @param quantity  hours as recorded for time (less retainer hours drawn), 1 otherwise
 * @param net       rounded to the currency's minor units
 * @param taxRate   percent
 * @param tax       net x rate, rounded; when retention is taxed at release, (net - retention) x rate
 * @param retention the part of the package's withholding attributed to this line
 * @param unit      what the quantity counts
 * @param gross     what the rules charged before a limit cut it, rounded; equal to {@code net} when no limit
 *                  did. {@code quantity x unit price = gross}; {@code net - gross} is the line's adjustment
 * @param adjustment why a limit cut the charge (the limit's own words), or null
 * @param creditedLine on a credit note, the number of the invoice line it credits; null on an invoice
 * @param priorPeriod the item is dated before the period the package closes (a late entry, billed on the
 *                    next package after its own period's)
 */
public record PackageLine(int lineNo, String itemId, ItemKind kind, String description, BigDecimal quantity,
                          Money net, TaxTreatment treatment, BigDecimal taxRate, Money tax, Money retention,
                          String taxCitation, Receipt receipt, boolean priorPeriod, QuantityUnit unit,
                          Money gross, String adjustment, Integer creditedLine) {
    public PackageLine {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(taxRate, "taxRate");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(gross, "gross");
    }

    /** What a limit took off the charge: {@code net - gross}, zero or negative. */
    public Money adjustmentAmount() {
        return net.minus(gross);
    }

    public boolean adjusted() {
        return !adjustmentAmount().isZero();
    }
}
