package io.billwright.rules.scenario;

import io.billwright.engine.tax.TaxTreatment;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a step must produce. A list that is left out is not checked; an empty list means "none".
 *
 * @param duplicate when given, whether the engine must see the event as already applied
 */
public record Expectation(List<ExpectedDecision> decisions, List<ExpectedPackage> packages, Boolean duplicate) {

    /**
     * One expected decision, matched in order.
     *
     * @param rules  rules that must be among those that produced it
     * @param detail text the decision's detail must contain
     */
    public record ExpectedDecision(String item, DecisionStatus status, ReasonCode reason, BigDecimal amount,
                                   List<String> rules, String detail) {
        public ExpectedDecision {
            java.util.Objects.requireNonNull(item, "item");
            java.util.Objects.requireNonNull(status, "status");
        }
    }

    /**
     * One expected package, matched in order; every field left out is not checked.
     *
     * @param lines the number of lines
     */
    public record ExpectedPackage(String trigger, BigDecimal net, BigDecimal tax, BigDecimal retention,
                                  BigDecimal due, TaxTreatment treatment, BigDecimal taxRate, Integer lines,
                                  List<String> rules) {
    }
}
