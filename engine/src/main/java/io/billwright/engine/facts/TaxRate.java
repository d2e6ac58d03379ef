package io.billwright.engine.facts;

import java.math.BigDecimal;
import java.util.Objects;

/** The rate in percent that applies in a jurisdiction (from the tax-rate decision table). */
public record TaxRate(String jurisdiction, BigDecimal rate, String citation) {
    public TaxRate {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(rate, "rate");
        citation = citation == null ? "" : citation;
    }

    public static TaxRate of(String jurisdiction, String rate) {
        return new TaxRate(jurisdiction, new BigDecimal(rate.trim()), "");
    }
}
