package io.billwright.rules.cli;

import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSources;
import io.billwright.rules.check.ScenarioLimits;
import io.billwright.rules.release.ReleaseBuilder;
import io.billwright.rules.release.ReleaseKeys;
import io.billwright.rules.release.SigningKey;
import io.billwright.rules.scenario.ScenarioFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Builds a signed rule-set release: the service's own checks, then the jar. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Compile a rule folder with the executable model, run the bytecode check, the lint and every"
                + " scenario (in a separate JVM with a small heap and time limits), and write a signed release jar.",
            "The signing key comes from BILLWRIGHT_RELEASE_SIGNING_KEY (its PEM text) or"
                + " BILLWRIGHT_RELEASE_SIGNING_KEY_FILE (a file); see 'keys generate'.",
            "Exit status 1 when anything is an error (nothing is written), 2 when the folder or key cannot be read."})
final class ReleaseCommand implements Callable<Integer> {

    @Mixin
    RuleFolderOptions folder;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "the release jar to write")
    Path output;

    @Option(names = "--version", required = true, paramLabel = "VERSION",
            description = "the release version, as receipts and the audit trail show it (for example 2026.12.1)")
    String version;

    @Option(names = "--built-by", paramLabel = "NAME", description = "who builds it (default: the user name)")
    String builtBy;

    @Option(names = "--scenario-timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "wall-clock limit per scenario file (default ${DEFAULT-VALUE})")
    long scenarioSeconds;

    @Option(names = "--firing-timeout", paramLabel = "MILLIS", defaultValue = "2000",
            description = "wall-clock limit per rule evaluation (default ${DEFAULT-VALUE})")
    long firingMillis;

    @Option(names = "--heap", paramLabel = "MB", defaultValue = "256",
            description = "heap of the JVM the scenarios run in (default ${DEFAULT-VALUE})")
    int heap;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!version.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}")) {
            err.println("--version " + version + ": use letters, digits, '.', '_', '+' or '-' (at most 64)");
            return 2;
        }
        SigningKey key;
        try {
            key = ReleaseKeys.signingKeyFromEnvironment(System::getenv);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        ReleaseBuilder.Outcome outcome;
        try {
            ScenarioLimits limits = new ScenarioLimits(heap, Duration.ofSeconds(scenarioSeconds),
                    Duration.ofMillis(firingMillis), ScenarioLimits.DEFAULT.startUp());
            outcome = new ReleaseBuilder(Clock.systemUTC(), limits).build(RuleSources.fromDirectory(folder.dir),
                    folder.dir, ScenarioFiles.orDefault(folder.scenarios, folder.dir), version,
                    builtBy != null ? builtBy : System.getProperty("user.name"), key);
        } catch (RuleSetException e) {
            err.println(e.getMessage());
            return 2;
        }
        outcome.check().findings().forEach(out::println);
        if (!outcome.built()) {
            out.println(ValidateCommand.summary(outcome.check()).replace(": the service would refuse it",
                    ": no release written"));
            out.flush();
            return 1;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(output, outcome.jar());
        out.println("release " + outcome.manifest().label() + ": " + outcome.manifest().rules().size() + " rules, "
                + outcome.manifest().scenarios().passed() + " scenarios passed; signed with key " + key.keyId()
                + "; written to " + output + " (" + outcome.jar().length + " bytes)");
        out.flush();
        return 0;
    }
}
