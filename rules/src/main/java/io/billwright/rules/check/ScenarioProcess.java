package io.billwright.rules.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billwright.engine.ruleset.FiringCounter;
import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetVersion;
import io.billwright.engine.ruleset.drools.model.CompiledModule;
import io.billwright.engine.ruleset.drools.model.ModuleLoader;
import io.billwright.engine.ruleset.lint.Finding;
import io.billwright.rules.release.ReleaseContents;
import io.billwright.rules.release.ReleaseJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The checking JVM's main class: loads a staged (unsigned) module, runs each scenario file with a wall-clock
 * limit, and prints a {@link ScenarioReport} as JSON. Started by {@link IsolatedScenarios} with a small heap;
 * a scenario past its limit ends this JVM, never the one that asked.
 *
 * <p>Arguments: {@code STAGED_JAR REPORT_FILE PER_SCENARIO_MS PER_FIRING_MS FILE...}; the report goes to
 * REPORT_FILE, so nothing else the JVM prints can spoil it.
 */
public final class ScenarioProcess {

    /** Exit status after a scenario ran past its limit (the report says which). */
    static final int TIMED_OUT = 4;

    private ScenarioProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path staged = Path.of(args[0]);
        Path report = Path.of(args[1]);
        Duration perScenario = Duration.ofMillis(Long.parseLong(args[2]));
        Duration perFiring = Duration.ofMillis(Long.parseLong(args[3]));
        CompiledModule module = ReleaseContents.staged(Files.readAllBytes(staged));
        RuleSet rules = new ModuleLoader().load(module, new RuleSetVersion("staged", "check")).withTimeLimit(perFiring);
        FiringCounter counter = new FiringCounter(rules);
        ScenarioChecks checks = new ScenarioChecks(counter);
        ObjectMapper json = ReleaseJson.mapper();
        List<ScenarioReport.FileResult> files = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "scenario");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 4; i < args.length; i++) {
            Path file = Path.of(args[i]);
            Future<List<Finding>> running = worker.submit(() -> checks.run(file));
            try {
                files.add(result(file, running.get(perScenario.toMillis(), TimeUnit.MILLISECONDS)));
            } catch (TimeoutException e) {
                files.add(result(file, List.of(Finding.error(file.toString(), 0, "the scenario did not finish within "
                        + perScenario.toMillis() + " ms: a rule runs too long or fires without end"))));
                Files.writeString(report, json.writeValueAsString(new ScenarioReport(files, coverage(counter),
                        "scenario " + file + " ran past its limit")));
                Runtime.getRuntime().halt(TIMED_OUT);
            } catch (ExecutionException e) {
                files.add(result(file, List.of(Finding.error(file.toString(), 0, "the scenario failed: " + e.getCause()))));
            }
        }
        Files.writeString(report, json.writeValueAsString(new ScenarioReport(files, coverage(counter), null)));
        Runtime.getRuntime().halt(0); // a halted scenario thread may still be running; nothing else to wait for
    }

    private static ScenarioReport.FileResult result(Path file, List<Finding> findings) {
        return new ScenarioReport.FileResult(file.toString(), findings.stream()
                .map(f -> new ScenarioReport.Located(f.file(), f.line(), f.message())).toList());
    }

    private static Map<String, Long> coverage(FiringCounter counter) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<RuleInfo, Long> entry : counter.firings().entrySet()) {
            out.put(entry.getKey().name(), entry.getValue());
        }
        return out;
    }
}
