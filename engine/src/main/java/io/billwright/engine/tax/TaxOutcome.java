package io.billwright.engine.tax;

import java.math.BigDecimal;
import java.util.List;

/**
 * The tax rules' answer for one package.
 *
 * @param problem why no rate could be found, or null
 * @param conflict true when the problem is rules that disagree rather than a missing rule or rate
 */
public record TaxOutcome(TaxTreatment treatment, BigDecimal rate, String citation, List<String> rules, String problem,
                         boolean conflict) {
    public TaxOutcome {
        rules = List.copyOf(rules);
    }

    public boolean failed() {
        return problem != null;
    }
}
