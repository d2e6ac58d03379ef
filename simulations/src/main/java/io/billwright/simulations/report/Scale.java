package io.billwright.simulations.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.Locale;

/**
 * Maps amounts onto pixels between {@code from} and {@code to}. The range always includes zero, so bars start
 * at the zero line. Amounts stay BigDecimal; only the resulting pixel position is a double.
 */
record Scale(BigDecimal lo, BigDecimal hi, double from, double to) {

    static Scale of(Collection<BigDecimal> values, double from, double to) {
        BigDecimal lo = BigDecimal.ZERO;
        BigDecimal hi = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            lo = lo.min(value);
            hi = hi.max(value);
        }
        if (lo.compareTo(hi) == 0) {
            hi = BigDecimal.ONE;
        }
        return new Scale(lo, hi, from, to);
    }

    Scale extendedTo(BigDecimal newLo, BigDecimal newHi) {
        return new Scale(lo.min(newLo), hi.max(newHi), from, to);
    }

    double at(BigDecimal value) {
        BigDecimal fraction = value.subtract(lo).divide(hi.subtract(lo), MathContext.DECIMAL64);
        return from + fraction.doubleValue() * (to - from);
    }

    double zero() {
        return at(BigDecimal.ZERO);
    }

    boolean hasNegatives() {
        return lo.signum() < 0;
    }

    /** A pixel coordinate for SVG: one decimal, dot as separator whatever the default locale. */
    static String px(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
