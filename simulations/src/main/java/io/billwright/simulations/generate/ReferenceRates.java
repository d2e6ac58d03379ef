package io.billwright.simulations.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;

/**
 * Fixed reference exchange rates, units of a currency per euro, for pricing rate cards in a seller's currency and
 * for the converted amount of an expense paid abroad (the expense system converts; the engine takes the result).
 */
final class ReferenceRates {

    private static final Map<String, BigDecimal> PER_EURO = Map.ofEntries(
            Map.entry("EUR", new BigDecimal("1")),
            Map.entry("GBP", new BigDecimal("0.86")),
            Map.entry("USD", new BigDecimal("1.09")),
            Map.entry("CAD", new BigDecimal("1.49")),
            Map.entry("AUD", new BigDecimal("1.65")),
            Map.entry("NZD", new BigDecimal("1.80")),
            Map.entry("SGD", new BigDecimal("1.46")),
            Map.entry("CHF", new BigDecimal("0.94")),
            Map.entry("JPY", new BigDecimal("162")),
            Map.entry("SEK", new BigDecimal("11.40")),
            Map.entry("PLN", new BigDecimal("4.30")));

    private ReferenceRates() {
    }

    /** {@code amount} in {@code from}, converted to {@code to} and rounded to its minor units. */
    static BigDecimal convert(BigDecimal amount, Currency from, Currency to) {
        BigDecimal euros = amount.divide(rate(from), 10, RoundingMode.HALF_EVEN);
        return Amounts.inMinorUnits(euros.multiply(rate(to)), to);
    }

    private static BigDecimal rate(Currency currency) {
        BigDecimal rate = PER_EURO.get(currency.getCurrencyCode());
        if (rate == null) {
            throw new IllegalArgumentException("no reference rate for " + currency);
        }
        return rate;
    }
}
