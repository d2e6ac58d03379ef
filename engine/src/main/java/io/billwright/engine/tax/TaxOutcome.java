package io.billwright.engine.tax;

import io.billwright.engine.decision.ReasonCode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The tax rules' answer for one package.
 *
 * @param problem why no rate could be found, or null
 * @param conflict true when the problem is rules that disagree rather than a missing rule or rate
 * @param holdReason the reason a tax rule held the package for ({@link TaxHold}), or null
 */
public record TaxOutcome(TaxTreatment treatment, BigDecimal rate, String citation, List<String> rules, String problem,
                         boolean conflict, ReasonCode holdReason) {
    public TaxOutcome {
        rules = List.copyOf(rules);
    }

    public TaxOutcome(TaxTreatment treatment, BigDecimal rate, String citation, List<String> rules, String problem,
                      boolean conflict) {
        this(treatment, rate, citation, rules, problem, conflict, null);
    }

    /** Why the items of a package that could not be taxed are held. */
    public ReasonCode reason() {
        return holdReason != null ? holdReason : conflict ? ReasonCode.TAX_RULES_CONFLICT : ReasonCode.TAX_RATE_MISSING;
    }

    public boolean failed() {
        return problem != null;
    }
}
