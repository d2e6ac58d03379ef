package io.billwright.engine;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.event.EventId;
import io.billwright.engine.state.ContractState;
import java.util.List;

/**
 * The result of applying one event: the decisions it caused, the packages it completed, the contract's
 * new state, and notes in plain words (for example why nothing happened).
 *
 * @param duplicate true when the event had been applied before and changed nothing
 */
public record Outcome(EventId eventId, List<Decision> decisions, List<BillingPackage> packages, ContractState state,
                      List<String> notes, boolean duplicate) {
    public Outcome {
        decisions = List.copyOf(decisions);
        packages = List.copyOf(packages);
        notes = List.copyOf(notes);
    }
}
