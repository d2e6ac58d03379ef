package io.billwright.simulations.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Round gridline values (steps of 1, 2 or 5 times a power of ten) covering a range, in BigDecimal. */
final class Ticks {

    private static final int ABOUT = 4;

    private Ticks() {
    }

    static List<BigDecimal> covering(BigDecimal lo, BigDecimal hi) {
        BigDecimal step = step(hi.subtract(lo));
        BigDecimal first = lo.divide(step, 0, RoundingMode.FLOOR).multiply(step);
        BigDecimal last = hi.divide(step, 0, RoundingMode.CEILING).multiply(step);
        List<BigDecimal> ticks = new ArrayList<>();
        for (BigDecimal tick = first; tick.compareTo(last) <= 0; tick = tick.add(step)) {
            ticks.add(tick.stripTrailingZeros());
        }
        return ticks;
    }

    private static BigDecimal step(BigDecimal span) {
        BigDecimal raw = span.divide(BigDecimal.valueOf(ABOUT), MathContext.DECIMAL64);
        int exponent = raw.precision() - raw.scale() - 1;
        BigDecimal magnitude = BigDecimal.ONE.scaleByPowerOfTen(exponent);
        BigDecimal fraction = raw.divide(magnitude, MathContext.DECIMAL64);
        int nice = fraction.compareTo(BigDecimal.ONE) <= 0 ? 1
                : fraction.compareTo(BigDecimal.valueOf(2)) <= 0 ? 2
                : fraction.compareTo(BigDecimal.valueOf(5)) <= 0 ? 5 : 10;
        return magnitude.multiply(BigDecimal.valueOf(nice));
    }
}
