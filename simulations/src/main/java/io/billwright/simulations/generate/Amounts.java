package io.billwright.simulations.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Money and hours as the generator writes them: {@code BigDecimal} throughout, rounded half-even to the
 * currency's minor units (or to a step, for rates and fees a person would choose), written as plain strings.
 */
final class Amounts {

    private static final String[] QUARTERS = {"", ".25", ".5", ".75"};
    /** Hours of up to a day, made once: a data set writes a million of them. */
    private static final String[] DAY_OF_QUARTERS = new String[24 * 4 + 1];

    static {
        for (int quarters = 0; quarters < DAY_OF_QUARTERS.length; quarters++) {
            DAY_OF_QUARTERS[quarters] = (quarters / 4) + QUARTERS[quarters % 4];
        }
    }

    private Amounts() {
    }

    /** {@code value} rounded half-even to the minor units of {@code currency}. */
    static BigDecimal inMinorUnits(BigDecimal value, Currency currency) {
        return value.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN);
    }

    /** {@code value} rounded half-up to a multiple of {@code step} (never below one step), with 2 decimals. */
    static BigDecimal roundToStep(BigDecimal value, int step) {
        BigDecimal steps = value.divide(BigDecimal.valueOf(step), 0, RoundingMode.HALF_UP).max(BigDecimal.ONE);
        return steps.multiply(BigDecimal.valueOf(step)).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Hours given in quarters of an hour (30 is {@code "7.5"}). */
    static String hours(int quarters) {
        return quarters >= 0 && quarters < DAY_OF_QUARTERS.length ? DAY_OF_QUARTERS[quarters]
                : (quarters / 4) + QUARTERS[quarters % 4];
    }

    /** A decimal as the wire wants it: a plain string, never in exponent form. */
    static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
