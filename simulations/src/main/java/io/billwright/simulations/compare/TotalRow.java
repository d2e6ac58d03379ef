package io.billwright.simulations.compare;

import java.util.Objects;

/**
 * One group's totals, baseline beside candidate, in one currency (amounts in different currencies are
 * never added up).
 *
 * @param key the group: a billing model code, a customer id and name, a jurisdiction (DE, US-NY), a
 *            month (2026-07), a held reason code, or "All" for {@link Dimension#TOTAL}
 */
public record TotalRow(Dimension dimension, String key, String currency, Figures baseline, Figures candidate) {

    public TotalRow {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
    }

    public Figures delta() {
        return candidate.minus(baseline);
    }
}
