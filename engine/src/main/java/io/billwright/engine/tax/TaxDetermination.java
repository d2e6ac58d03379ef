package io.billwright.engine.tax;

import io.billwright.engine.tax.TaxTreatment;
import java.util.Objects;

/**
 * How a package is taxed, and where the rate comes from.
 *
 * @param rateJurisdiction the row of the tax-rate table to use ({@code DE}, {@code CA-ON}, {@code US-HI}),
 *                         or null when no tax is charged (reverse charge, out of scope, exempt)
 * @param citation         the law or rule behind the treatment, printed on the line
 */
public record TaxDetermination(TaxTreatment treatment, String rateJurisdiction, String citation) {
    public TaxDetermination {
        Objects.requireNonNull(treatment, "treatment");
        citation = citation == null ? "" : citation;
    }

    public boolean needsRate() {
        return rateJurisdiction != null;
    }
}
