package io.billwright.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.event.BillingEvent;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.state.ContractState;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.rules.scenario.Scenario;
import io.billwright.rules.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {

    @Test
    void replayProducesExactlyThePackagesOfTheEngineCalledDirectly() {
        RuleSet rules = DefaultRuleSet.load();
        Scenario scenario = new ScenarioReader().read(Path.of("../examples/consulting-quarter.yaml"));
        List<BillingEvent> events = scenario.steps().stream().map(Scenario.Step::event).toList();

        List<Outcome> replayed = new Replay(rules).run(events);

        BillingEngine engine = BillingEngine.using(rules);
        ContractState state = ContractState.empty(events.get(0).contractId());
        List<Outcome> direct = new ArrayList<>();
        for (BillingEvent event : events) {
            Outcome outcome = engine.apply(event, state);
            direct.add(outcome);
            state = outcome.state();
        }
        assertThat(replayed).extracting(Outcome::packages).isEqualTo(direct.stream().map(Outcome::packages).toList());
        assertThat(replayed.stream().mapToInt(o -> o.packages().size()).sum()).isGreaterThan(0);
    }
}
