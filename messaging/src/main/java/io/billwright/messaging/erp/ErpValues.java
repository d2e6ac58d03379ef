package io.billwright.messaging.erp;

import io.billwright.engine.billing.PackageTotals;
import io.billwright.engine.money.Money;
import io.billwright.engine.money.Rounding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.mapstruct.Named;

/**
 * How engine values become the text ERP payloads carry. Amounts are decimal strings at exactly the
 * currency's minor units ({@code "1280.00"}, {@code "1500"} for JPY); other decimals are plain strings
 * without exponent ({@code "7.5"}). Nothing here rounds an amount: {@link Money} already holds it at minor
 * units, and only a unit price, which no total is built from, is ever rounded.
 */
final class ErpValues {

    /** The most decimals a unit price carries; NetSuite, SAP and Dynamics 365 all accept six. */
    static final int UNIT_PRICE_SCALE = 6;

    private ErpValues() {
    }

    /** An amount at the currency's minor units. */
    public static String amount(Money money) {
        return money.amount().setScale(Rounding.minorUnits(money.currency()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A quantity or a percentage, without trailing zeros or exponent: {@code 7.50} becomes {@code "7.5"}. */
    public static String decimal(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /**
     * The price per unit (per hour for time), {@code amount / quantity}: exact when that division ends within
     * {@value #UNIT_PRICE_SCALE} decimals, otherwise rounded to them. The amount stays the authoritative
     * figure: an ERP that gets both keeps the amount as given.
     */
    static String unitPrice(Money amount, BigDecimal quantity) {
        int minorUnits = Rounding.minorUnits(amount.currency());
        BigDecimal price = amount.amount();
        if (quantity != null && quantity.signum() != 0) {
            price = amount.amount().divide(quantity, UNIT_PRICE_SCALE, Rounding.MODE);
        }
        BigDecimal shortest = price.stripTrailingZeros();
        return price.setScale(Math.max(minorUnits, shortest.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The product or service item of a line: the package line's kind, or {@code ADJUSTMENT} for a limit's cut. */
    @Named("product")
    public static String product(ErpLine line) {
        return line.adjustment() ? ErpLine.ADJUSTMENT_PRODUCT : line.line().kind().name();
    }

    /** What the invoice lines add up to before tax once the retention deduction line is among them. */
    @Named("netAfterRetention")
    public static String netAfterRetention(PackageTotals totals) {
        return amount(totals.net().minus(totals.retentionWithheld()));
    }
}
