package io.billwright.engine.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The house rounding policy, in one place.
 *
 * <ul>
 *   <li>Rules compute at full precision (divisions at {@link #INTERMEDIATE_SCALE} decimals).</li>
 *   <li>Each package line's net amount is rounded once to the currency's minor units
 *       with {@link #MODE}; its tax is computed from the rounded net and rounded the same way.</li>
 *   <li>Totals are sums of rounded lines, so a package always adds up.</li>
 * </ul>
 */
public final class Rounding {

    /** Half-up: the commercial rounding most invoicing law and ERPs expect. */
    public static final RoundingMode MODE = RoundingMode.HALF_UP;
    public static final int INTERMEDIATE_SCALE = 10;
    public static final MathContext INTERMEDIATE = new MathContext(34, MODE);

    private Rounding() {
    }

    public static int minorUnits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 0 : digits;
    }

    public static BigDecimal toMinorUnits(BigDecimal unrounded, Currency currency) {
        return unrounded.setScale(minorUnits(currency), MODE);
    }

    /** True when {@code amount} carries more decimals than {@code currency} allows. */
    public static boolean exceedsMinorUnits(BigDecimal amount, Currency currency) {
        return amount.stripTrailingZeros().scale() > minorUnits(currency);
    }
}
