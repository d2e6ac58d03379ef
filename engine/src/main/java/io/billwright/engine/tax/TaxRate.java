package io.billwright.engine.tax;

import java.math.BigDecimal;
import java.util.Objects;

/** The rate in percent that applies in a jurisdiction (from the tax-rate decision table). */
public record TaxRate(String jurisdiction, BigDecimal rate, String citation) {
    public TaxRate {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(rate, "rate");
        citation = citation == null ? "" : citation;
    }

    /**
     * For decision tables: {@code TaxRate.of($d.rateJurisdiction(), "$param", $param)}. The rate is read
     * exactly from its text; the same cell written unquoted makes the Java compiler reject a cell that
     * is not a number ({@code 2O}) when the rule set loads, instead of failing on the first invoice.
     */
    public static TaxRate of(String jurisdiction, String rate, Number checkedAtCompileTime) {
        BigDecimal value = new BigDecimal(rate.trim());
        if (value.signum() < 0 || value.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException("tax rate " + rate + "% for " + jurisdiction + " is not between 0 and 100");
        }
        return new TaxRate(jurisdiction, value, "");
    }
}
