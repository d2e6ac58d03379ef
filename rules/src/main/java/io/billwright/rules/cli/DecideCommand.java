package io.billwright.rules.cli;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.rules.scenario.ScenarioFiles;
import io.billwright.rules.scenario.ScenarioFormatException;
import io.billwright.rules.scenario.ScenarioReader;
import io.billwright.rules.scenario.ScenarioResult;
import io.billwright.rules.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs scenario files through the engine and prints every decision and package with its explanation. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Run scenario files (or every *.yaml in a folder) and explain each decision and package."
                + " Exit status 1 when an expectation fails, 2 when a file or the rule set cannot be read.")
final class DecideCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "scenario files or folders")
    List<Path> inputs;

    @Option(names = "--rules", paramLabel = "DIR", description = "rule-set folder (default: the packaged rule set)")
    Path rulesDir;

    @Option(names = {"-q", "--quiet"}, description = "print only one line per scenario and the failures")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSet ruleSet;
        try {
            ruleSet = rulesDir == null ? DefaultRuleSet.load() : DefaultRuleSet.loadFrom(rulesDir, rulesDir.toString());
        } catch (RuleSetException e) {
            err.println(e.getMessage());
            return 2;
        }
        Map<String, String> descriptions = java.util.stream.Stream.concat(ruleSet.rules().stream(),
                        io.billwright.engine.ruleset.EngineRule.all().stream())
                .collect(Collectors.toMap(RuleInfo::name, RuleInfo::description, (a, b) -> a));
        ScenarioReader reader = new ScenarioReader();
        ScenarioRunner runner = new ScenarioRunner(ruleSet);
        ScenarioPrinter printer = new ScenarioPrinter(out, descriptions);
        int passed = 0;
        int failed = 0;
        int unreadable = 0;
        for (Path file : ScenarioFiles.under(inputs)) {
            try {
                ScenarioResult result = runner.run(reader.read(file));
                if (quiet) {
                    out.println((result.passed() ? "PASS " : "FAIL ") + file);
                } else {
                    printer.print(result);
                }
                if (result.passed()) {
                    passed++;
                } else {
                    failed++;
                    err.println(result.failureReport());
                }
            } catch (ScenarioFormatException e) {
                unreadable++;
                err.println(e.getMessage());
            } catch (RuntimeException e) {
                failed++;
                err.println(file + ": the engine failed: " + e.getMessage());
            }
        }
        out.printf("rule set %s: %d passed, %d failed, %d unreadable%n", ruleSet.version(), passed, failed, unreadable);
        out.flush();
        return unreadable > 0 ? 2 : failed > 0 ? 1 : 0;
    }
}
