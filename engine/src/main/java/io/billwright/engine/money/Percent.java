package io.billwright.engine.money;

import java.math.BigDecimal;

/** Percentage arithmetic for rules: {@code Percent.of(amount, rate)} reads like the business says it. */
public final class Percent {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Percent() {
    }

    /** {@code rate} percent of {@code amount}, unrounded. */
    public static BigDecimal of(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).divide(HUNDRED, Rounding.INTERMEDIATE_SCALE, Rounding.MODE);
    }

    /** {@code amount} plus {@code rate} percent of it; a null rate means no markup. */
    public static BigDecimal plus(BigDecimal amount, BigDecimal rate) {
        return rate == null ? amount : amount.add(of(amount, rate));
    }
}
