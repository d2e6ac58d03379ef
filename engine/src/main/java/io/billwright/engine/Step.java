package io.billwright.engine;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.event.BillingEvent;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.state.ContractState;
import java.util.ArrayList;
import java.util.List;

/** One engine call in progress: the event, the rule set it runs on, the state so far and what it produced. */
final class Step {

    final BillingEvent event;
    final RuleSet rules;
    ContractState state;
    final List<Decision> decisions = new ArrayList<>();
    final List<BillingPackage> packages = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Step(BillingEvent event, RuleSet rules, ContractState state) {
        this.event = event;
        this.rules = rules;
        this.state = state;
    }

    String eventId() {
        return event.id().value();
    }

    void note(String text) {
        notes.add(text);
    }

    Outcome outcome() {
        return new Outcome(event.id(), decisions, packages, state, notes, false);
    }
}
