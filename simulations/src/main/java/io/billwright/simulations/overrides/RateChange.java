package io.billwright.simulations.overrides;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A standard tax rate a {@link TaxRateTable} changes.
 *
 * @param jurisdiction DE, CA-ON, US-NY
 * @param tax          the tax's name as the rule set's rule names it (VAT, GST, HST), or "tax"
 * @param from         the rate in percent before; null when the jurisdiction had none
 * @param to           the rate in percent after; null when the table removes it
 */
public record RateChange(String jurisdiction, String tax, BigDecimal from, BigDecimal to) {

    public RateChange {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(tax, "tax");
        if (from == null && to == null) {
            throw new IllegalArgumentException(jurisdiction + ": no rate before and none after is no change");
        }
    }

    /** {@code DE 19% -> 16%}, as the console says it. */
    public String brief() {
        return jurisdiction + " " + (from == null ? "no rate" : from.toPlainString() + "%") + " -> "
                + (to == null ? "no rate" : to.toPlainString() + "%");
    }

    /**
     * {@code DE VAT 19 % → 16 % on every invoice in the period}, as the reports say it. A table has no effective
     * date: its rates apply to every invoice the candidate issues.
     */
    public String inWords() {
        String name = jurisdiction + " " + tax;
        if (from == null) {
            return name + " " + percent(to) + " where there was no rate, on every invoice in the period";
        }
        if (to == null) {
            return name + " " + percent(from) + " removed: its items are held for a missing rate";
        }
        return name + " " + percent(from) + " \u2192 " + percent(to) + " on every invoice in the period";
    }

    private static String percent(BigDecimal rate) {
        return rate.toPlainString() + " %";
    }
}
