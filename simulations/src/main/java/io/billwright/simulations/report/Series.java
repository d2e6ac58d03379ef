package io.billwright.simulations.report;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One series of a chart.
 *
 * @param name     shown in the legend and tooltips ("Baseline", "Candidate", "Delta")
 * @param cssClass the bar's class beside {@code bar}; empty to colour each bar by the sign of its value
 */
record Series(String name, String cssClass) {

    static final Series DELTA = new Series("Delta", "");

    Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cssClass, "cssClass");
    }

    boolean signed() {
        return cssClass.isEmpty();
    }

    String barClass(BigDecimal value) {
        return "bar " + (signed() ? Amounts.deltaClass(value) : cssClass);
    }

    String format(BigDecimal value, String currency) {
        return signed() ? Amounts.signed(value, currency) : Amounts.format(value, currency);
    }
}
