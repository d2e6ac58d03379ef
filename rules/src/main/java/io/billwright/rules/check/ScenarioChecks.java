package io.billwright.rules.check;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.lint.Finding;
import io.billwright.rules.scenario.ScenarioFormatException;
import io.billwright.rules.scenario.ScenarioReader;
import io.billwright.rules.scenario.ScenarioResult;
import io.billwright.rules.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs one scenario file against a rule set and says what failed, each failure located as a finding. */
final class ScenarioChecks {

    private static final Pattern LOCATED = Pattern.compile("^(.*?):(\\d+): (.*)$", Pattern.DOTALL);

    private final ScenarioReader reader = new ScenarioReader();
    private final ScenarioRunner runner;

    ScenarioChecks(RuleSet ruleSet) {
        this.runner = new ScenarioRunner(ruleSet);
    }

    List<Finding> run(Path file) {
        try {
            ScenarioResult result = runner.run(reader.read(file));
            List<Finding> out = new ArrayList<>();
            for (ScenarioResult.StepResult step : result.steps()) {
                for (String failure : step.failures()) {
                    out.add(Finding.error(file.toString(), step.step().line(), "scenario \"" + result.scenario().title() + "\" step "
                            + step.step().number() + " (" + step.step().label() + "): " + failure));
                }
            }
            return out;
        } catch (ScenarioFormatException e) {
            List<Finding> out = new ArrayList<>();
            for (String problem : e.getMessage().split("\n")) {
                Matcher m = LOCATED.matcher(problem);
                out.add(m.matches() ? Finding.error(m.group(1), Integer.parseInt(m.group(2)), m.group(3))
                        : Finding.error(file.toString(), 0, problem));
            }
            return out;
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(Finding.error(file.toString(), 0, "the engine failed on this scenario: " + e.getMessage()));
        }
    }
}
