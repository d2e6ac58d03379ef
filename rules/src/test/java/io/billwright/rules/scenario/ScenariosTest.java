package io.billwright.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.rules.DefaultRuleSet;
import java.io.IOException;
import java.nio.file.Files;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.ruleset.EngineRule;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every analyst scenario under {@code src/test/resources/scenarios}, one test per file, grouped by
 * folder. A failure names the file, the step, what was expected and what happened.
 */
class ScenariosTest {

    static final Path ROOT = Path.of("src/test/resources/scenarios");
    private static final RuleSet RULES = DefaultRuleSet.load();
    private final ScenarioReader reader = new ScenarioReader();

    @TestFactory
    Stream<DynamicNode> scenarios() throws IOException {
        return folder(ROOT);
    }

    @Test
    void thereAreEnoughScenariosToCoverTheRules() throws IOException {
        assertThat(scenarioFiles()).hasSizeGreaterThanOrEqualTo(40);
    }

    private Stream<DynamicNode> folder(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> sorted = children.sorted().toList();
            return sorted.stream().map(child -> {
                try {
                    if (Files.isDirectory(child)) {
                        return (DynamicNode) DynamicContainer.dynamicContainer(child.getFileName().toString(),
                                folder(child));
                    }
                    return child.toString().endsWith(".yaml") ? scenario(child) : null;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(java.util.Objects::nonNull);
        }
    }

    private DynamicNode scenario(Path file) {
        return DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> {
            Scenario scenario = reader.read(file);
            assertThat(scenario.steps()).as("%s expects nothing, so it proves nothing", file)
                    .anyMatch(step -> step.expectation() != null);
            ScenarioResult result = new ScenarioRunner(RULES).run(scenario);
            if (!result.passed()) {
                throw new AssertionError("\n" + result.failureReport());
            }
            assertEveryDecisionNamesADescribedRule(file, result);
        });
    }

    /** An analyst can read why, for every outcome: each decision names a rule, and each rule says what it does. */
    private static void assertEveryDecisionNamesADescribedRule(Path file, ScenarioResult result) {
        java.util.Map<String, String> described = new java.util.HashMap<>();
        RULES.rules().forEach(rule -> described.put(rule.name(), rule.description()));
        EngineRule.all().forEach(rule -> described.put(rule.name(), rule.description()));
        for (ScenarioResult.StepResult step : result.steps()) {
            for (Decision decision : step.outcome().decisions()) {
                assertThat(decision.receipt().rules()).as("%s: the rules behind %s", file, decision).isNotEmpty();
                decision.receipt().rules().forEach(rule -> assertThat(described.get(rule))
                        .as("%s: the description of \"%s\" behind %s", file, rule, decision).isNotBlank());
            }
        }
    }

    static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
