package io.billwright.simulations.run;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.event.BillingEvent;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.decision.Decision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One side of a what-if: a rule set, through the production engine, and how its events are adjusted
 * first (a parameter override such as another retention rate; none for the baseline).
 */
public final class Side {

    private final String label;
    private final BillingEngine engine;
    private final UnaryOperator<BillingEvent> adjustment;

    public Side(String label, RuleSet ruleSet, UnaryOperator<BillingEvent> adjustment) {
        this.label = Objects.requireNonNull(label, "label");
        this.engine = BillingEngine.using(ruleSet);
        this.adjustment = Objects.requireNonNull(adjustment, "adjustment");
    }

    public static Side of(RuleSet ruleSet) {
        return new Side(ruleSet.version().toString(), ruleSet, UnaryOperator.identity());
    }

    public String label() {
        return label;
    }

    /** Replays one contract's events, in order, from an empty state: exactly what the service does. */
    public ContractRun replay(String contractId, List<BillingEvent> events) {
        ContractState state = ContractState.empty(new ContractId(contractId));
        List<BillingPackage> packages = new ArrayList<>();
        Map<String, Decision> decisions = new HashMap<>();
        Map<String, Contract> issuedUnder = new HashMap<>();
        for (BillingEvent event : events) {
            Outcome outcome = engine.apply(adjustment.apply(event), state);
            packages.addAll(outcome.packages());
            for (BillingPackage pkg : outcome.packages()) {
                Contract contract = outcome.state().versions().get(pkg.contractVersion());
                if (contract != null) {
                    issuedUnder.put(pkg.id().value(), contract);
                }
            }
            outcome.decisions().forEach(decision -> decisions.put(ContractRun.keyOf(decision), decision));
            state = outcome.state().settled(); // nothing here writes changed items out
        }
        return new ContractRun(packages, state, decisions, issuedUnder);
    }
}
