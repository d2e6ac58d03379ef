package io.billwright.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.rules.scenario.Scenario;
import io.billwright.rules.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service keeps state in the database between messages; the simulator keeps it in memory. Running
 * every analyst scenario both ways, with the state stored and read back after every step, must give the
 * same decisions, packages and state.
 */
class StateCodecTest {

    private static final Path SCENARIOS = Path.of("../rules/src/test/resources/scenarios");
    private static RuleSet ruleSet;
    private final StateCodec codec = new StateCodec();

    @BeforeAll
    static void loadRules() {
        ruleSet = DefaultRuleSet.load();
    }

    @Test
    void storedStateContinuesExactlyLikeStateInMemory() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SCENARIOS)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(40);
        ScenarioReader reader = new ScenarioReader();
        BillingEngine engine = BillingEngine.using(ruleSet);
        int steps = 0;
        for (Path file : files) {
            Scenario scenario = reader.read(file);
            ContractState inMemory = null;
            ContractState stored = null;
            for (Scenario.Step step : scenario.steps()) {
                ContractState empty = ContractState.empty(step.event().contractId());
                Outcome memoryOutcome = engine.apply(step.event(), inMemory == null ? empty : inMemory);
                Outcome storedOutcome = engine.apply(step.event(), stored == null ? empty : stored);
                String where = file + " step " + step.number();
                assertThat(storedOutcome.decisions()).as(where).isEqualTo(memoryOutcome.decisions());
                assertThat(storedOutcome.packages()).as(where).isEqualTo(memoryOutcome.packages());
                inMemory = memoryOutcome.state();
                ContractState written = storedOutcome.state();
                String header = codec.encodeHeader(written);
                List<String> items = written.items().values().stream().map(codec::encodeItem).toList();
                stored = codec.decode(header, items, written.processedEvents());
                assertThat(stored).as(where).isEqualTo(inMemory);
                assertThat(codec.encodeHeader(stored)).as(where + " (encoding is stable)").isEqualTo(header);
                steps++;
            }
        }
        assertThat(steps).isGreaterThan(300);
    }

    @Test
    void keepsWhatAHeldItemIsHeldForAndReadsRecordsWrittenBeforeItWasKept() throws IOException {
        Scenario scenario = new ScenarioReader().read(SCENARIOS.resolve("tm/cap-splits-the-crossing-entry.yaml"));
        BillingEngine engine = BillingEngine.using(ruleSet);
        ContractState state = ContractState.empty(scenario.steps().get(0).event().contractId());
        for (Scenario.Step step : scenario.steps()) {
            state = engine.apply(step.event(), state).state();
        }
        ItemRecord excess = state.items().get("EXCESS:TIME_ENTRY:TE-2");
        String json = codec.encodeItem(excess);

        assertThat(codec.decodeItem(json)).isEqualTo(excess);
        assertThat(codec.decodeItem(json).decided()).isEqualByComparingTo("200.00").hasScaleOf(2);

        // the record as an older release wrote it: every field but the one it did not keep
        ObjectNode older = (ObjectNode) JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readTree(json);
        assertThat(older.remove("decided")).isNotNull();
        ItemRecord read = codec.decodeItem(older.toString());

        assertThat(read.decided()).isNull();
        assertThat(read.knowsDecidedAmount()).isFalse();
        assertThat(read.pending()).isEqualTo(excess.pending());
        assertThat(read.item()).isEqualTo(excess.item());
    }
}
