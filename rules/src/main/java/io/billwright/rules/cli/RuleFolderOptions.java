package io.billwright.rules.cli;

import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.rules.check.RuleSetCheck;
import io.billwright.rules.scenario.ScenarioFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The rule folder and scenarios that {@code validate} and {@code coverage} check, and the check itself. */
final class RuleFolderOptions {

    @Parameters(index = "0", paramLabel = "DIR", description = "the rule folder (DRL files and decision tables)")
    Path dir;

    @Option(names = "--scenarios", paramLabel = "PATH", split = ",",
            description = "scenario files or folders (default: DIR/scenarios when it exists)")
    List<Path> scenarios;

    /** The check, or null (said on {@code err}) when the folder cannot be read. */
    RuleSetCheck check(PrintWriter err) throws IOException {
        try {
            return RuleSetCheck.of(dir, ScenarioFiles.orDefault(scenarios, dir));
        } catch (RuleSetException e) {
            err.println(e.getMessage());
            return null;
        }
    }
}
