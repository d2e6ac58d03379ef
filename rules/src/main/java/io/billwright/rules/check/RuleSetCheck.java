package io.billwright.rules.check;

import io.billwright.engine.ruleset.FiringCounter;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.RuleSources;
import io.billwright.engine.ruleset.RuleSetHashing;
import io.billwright.engine.ruleset.RuleSetVersion;
import io.billwright.engine.ruleset.drools.model.ModelRuleSetCompiler;
import io.billwright.engine.ruleset.lint.Finding;
import io.billwright.engine.ruleset.lint.RuleLint;
import io.billwright.rules.scenario.ScenarioFormatException;
import io.billwright.rules.scenario.ScenarioReader;
import io.billwright.rules.scenario.ScenarioResult;
import io.billwright.rules.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the service would say of a rule folder: every compile problem, every lint finding and every
 * scenario failure, each located as {@code file:line}. Scenarios run only when the rule set compiled and
 * the lint found no error (a rule set that reaches the machine is never run, not even in a test).
 *
 * @param compiled  the compiled rule set; null when it did not compile
 * @param counted   the same, counting how often each rule fired in the scenarios; null when it did not compile
 * @param findings  every problem, rule files first, in file and line order
 * @param scenarios scenario files run
 * @param failed    of those, how many failed or could not be read
 * @param scenariosRun false when the rule set did not compile or the lint found an error
 * @param compileMillis  how long compiling and the lint took
 * @param scenarioMillis how long the scenarios took
 */
public record RuleSetCheck(RuleSet compiled, FiringCounter counted, List<Finding> findings, int scenarios, int failed,
                           boolean scenariosRun, long compileMillis, long scenarioMillis) {

    /** Threads the scenarios run on; more than the cores, so a busy machine still gives them a fair share. */
    private static final int SCENARIO_THREADS = 4;
    private static final Pattern LOCATED = Pattern.compile("^(.*?):(\\d+): (.*)$", Pattern.DOTALL);

    /** Compiled, no lint error, every scenario passed: the service would let it decide. */
    public boolean passed() {
        return compiled != null && errors() == 0;
    }

    public long errors() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }

    /**
     * Checks the rule folder {@code dir} and runs {@code scenarioFiles} against it.
     *
     * @return the check; {@link #passed()} says whether the service would accept the rule set
     *
     * @throws RuleSetException when {@code dir} is no folder
     */
    public static RuleSetCheck of(Path dir, List<Path> scenarioFiles) {
        return of(RuleSources.fromDirectory(dir), dir.getFileName() == null ? dir.toString()
                : dir.getFileName().toString(), dir, scenarioFiles);
    }

    /**
     * Checks rule files read from anywhere (a folder, the class path).
     *
     * @param label         the version's label
     * @param root          what file names are shown relative to (null: as they are)
     * @param scenarioFiles scenario files to run when the rule set is safe
     */
    public static RuleSetCheck of(List<RuleSource> sources, String label, Path root, List<Path> scenarioFiles) {
        long started = System.nanoTime();
        List<Finding> findings = new ArrayList<>();
        RuleSet compiled = null;
        ModelRuleSetCompiler compiler = new ModelRuleSetCompiler();
        ModelRuleSetCompiler.Build build = null;
        try {
            build = compiler.build(sources);
            findings.addAll(build.check().findings());
            if (build.check().passed()) {
                compiled = compiler.load(build, new RuleSetVersion(RuleSetHashing.hash(sources), label));
            }
        } catch (RuleSetException e) {
            e.problems().forEach(p -> findings.add(Finding.error(p.file(), p.line(), p.message())));
        }
        findings.addAll(new RuleLint().check(sources, compiled == null ? List.of() : compiled.rules()));
        List<Finding> located = new ArrayList<>(findings.stream()
                .map(f -> new Finding(f.file() == null || root == null ? f.file() : root.resolve(f.file()).toString(),
                        f.line(), f.severity(),
                        f.message()))
                .sorted(Comparator.comparing((Finding f) -> f.file() == null ? "" : f.file()).thenComparingInt(Finding::line))
                .toList());
        FiringCounter counter = compiled == null ? null : new FiringCounter(compiled);
        boolean runnable = counter != null && located.stream().noneMatch(Finding::isError);
        long compiledAt = System.nanoTime();
        int failed = 0;
        if (runnable) {
            for (List<Finding> problems : runAll(scenarioFiles, counter)) {
                failed += problems.isEmpty() ? 0 : 1;
                located.addAll(problems);
            }
        }
        return new RuleSetCheck(compiled, counter, List.copyOf(located), runnable ? scenarioFiles.size() : 0, failed,
                runnable, (compiledAt - started) / 1_000_000, (System.nanoTime() - compiledAt) / 1_000_000);
    }

    /**
     * Every scenario file's problems, in the order given. The files run on a few threads of their own:
     * scenarios share nothing, and on a machine busy with billing a check on one thread gets one thread's
     * share of the CPU.
     */
    private static List<List<Finding>> runAll(List<Path> files, RuleSet ruleSet) {
        ScenarioReader reader = new ScenarioReader();
        ScenarioRunner runner = new ScenarioRunner(ruleSet);
        int threads = Math.min(SCENARIO_THREADS, files.size());
        if (threads <= 1) {
            return files.stream().map(file -> run(file, reader, runner)).toList();
        }
        AtomicInteger named = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "scenario-check-" + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<Finding>>> running = new ArrayList<>(files.size());
            for (Path file : files) {
                running.add(pool.submit(() -> run(file, reader, runner)));
            }
            List<List<Finding>> out = new ArrayList<>(files.size());
            for (Future<List<Finding>> result : running) {
                out.add(result.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the scenarios", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a scenario could not be run: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Finding> run(Path file, ScenarioReader reader, ScenarioRunner runner) {
        try {
            ScenarioResult result = runner.run(reader.read(file));
            List<Finding> out = new ArrayList<>();
            for (ScenarioResult.StepResult step : result.steps()) {
                for (String failure : step.failures()) {
                    out.add(Finding.error(file.toString(), 0, "scenario \"" + result.scenario().title() + "\" step "
                            + step.step().number() + " (" + step.step().label() + "): " + failure));
                }
            }
            return out;
        } catch (ScenarioFormatException e) {
            Matcher m = LOCATED.matcher(e.getMessage());
            return List.of(m.matches() ? Finding.error(m.group(1), Integer.parseInt(m.group(2)), m.group(3))
                    : Finding.error(file.toString(), 0, e.getMessage()));
        } catch (RuntimeException e) {
            return List.of(Finding.error(file.toString(), 0, "the engine failed on this scenario: " + e.getMessage()));
        }
    }
}
