package io.billwright.engine.contract;

import io.billwright.engine.money.Amounts;
import java.math.BigDecimal;
import java.util.Map;

/** Hourly rate per role, in the contract currency. */
public record RateCard(Map<String, BigDecimal> rates) {
    public RateCard {
        rates = rates == null ? Map.of() : Map.copyOf(rates);
        rates.forEach((role, rate) -> Amounts.requireNonNegative(rate, "rateCard." + role));
    }

    public static RateCard empty() {
        return new RateCard(Map.of());
    }

    /** The hourly rate for {@code role}, or null when the card has none. */
    public BigDecimal rateFor(String role) {
        return role == null ? null : rates.get(role);
    }

    public boolean hasRate(String role) {
        return rateFor(role) != null;
    }
}
