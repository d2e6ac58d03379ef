package io.billwright.simulations;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.event.BillingEvent;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.state.InMemoryContractStateStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays events through the production engine with in-memory state: the core of a what-if run. The
 * command-line tool, generator and reports arrive with the issue "What-if simulations".
 */
public final class Replay {

    private final BillingEngine engine;
    private final InMemoryContractStateStore store = new InMemoryContractStateStore();

    public Replay(RuleSet ruleSet) {
        this.engine = BillingEngine.using(ruleSet);
    }

    /** Applies every event in order and returns each outcome. */
    public List<Outcome> run(Iterable<? extends BillingEvent> events) {
        List<Outcome> outcomes = new ArrayList<>();
        for (BillingEvent event : events) {
            outcomes.add(engine.apply(event, store));
        }
        return outcomes;
    }
}
