package io.billwright.rules.check;

import io.billwright.engine.ruleset.EngineRule;
import io.billwright.engine.ruleset.FiringCounter;
import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSetHashing;
import io.billwright.engine.ruleset.RuleSetVersion;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.RuleSources;
import io.billwright.engine.ruleset.drools.model.ModelRuleSetCompiler;
import io.billwright.engine.ruleset.lint.Finding;
import io.billwright.engine.ruleset.lint.RuleLint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the service would say of a rule folder: every compile problem, every bytecode and lint finding, and
 * every scenario failure, each located as {@code file:line}. The gate, in order:
 * <ol>
 *   <li>compile with the executable model (compiling runs no rule);</li>
 *   <li>the bytecode check over every generated class, and the lint; on any error nothing is loaded;</li>
 *   <li>the scenarios, in a separate bounded JVM ({@link IsolatedScenarios}), unless the rule set is the
 *       service's own packaged default, which runs in process.</li>
 * </ol>
 *
 * @param compiled  the loaded rule set; null when it did not compile or the bytecode check refused it
 * @param build     the compiled module and its bytecode check; null when it did not compile
 * @param coverage  how often each rule fired in the scenarios, by rule name
 * @param findings  every problem, rule files first, in file and line order
 * @param scenarios scenario files run
 * @param failed    of those, how many failed or could not be read
 * @param scenariosRun false when the rule set did not compile or a check found an error
 * @param compileMillis  how long compiling and the checks took
 * @param scenarioMillis how long the scenarios took
 */
public record RuleSetCheck(RuleSet compiled, ModelRuleSetCompiler.Build build, Map<String, Long> coverage,
                           List<Finding> findings, int scenarios, int failed, boolean scenariosRun, long compileMillis,
                           long scenarioMillis) {

    /** Where the scenarios run. */
    public enum Isolation {
        /** In a separate JVM with a small heap and time limits: every rule set from outside the service. */
        SEPARATE_JVM,
        /** In this JVM: only the rule set packaged with the service, which is its own code. */
        IN_PROCESS
    }

    /** Threads in-process scenarios run on; more than the cores, so a busy machine still gives them a fair share. */
    private static final int SCENARIO_THREADS = 4;

    /** Compiled, no error anywhere, every scenario passed: the service would let it decide. */
    public boolean passed() {
        return compiled != null && errors() == 0;
    }

    public long errors() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }

    /** Every rule of the rule set, in its order, then the engine's own, with the times each fired in the scenarios. */
    public Map<RuleInfo, Long> firings() {
        Map<RuleInfo, Long> out = new LinkedHashMap<>();
        if (compiled != null) {
            compiled.rules().forEach(rule -> out.put(rule, coverage.getOrDefault(rule.name(), 0L)));
            EngineRule.all().forEach(rule -> out.put(rule, coverage.getOrDefault(rule.name(), 0L)));
        }
        return out;
    }

    /**
     * Checks the rule folder {@code dir} and runs {@code scenarioFiles} against it in a separate JVM.
     *
     * @throws RuleSetException when {@code dir} is no folder
     */
    public static RuleSetCheck of(Path dir, List<Path> scenarioFiles) {
        return of(RuleSources.fromDirectory(dir), dir.getFileName() == null ? dir.toString()
                : dir.getFileName().toString(), dir, scenarioFiles);
    }

    /** {@link #of(List, String, Path, List, Isolation, ScenarioLimits)} in a separate JVM with the default limits. */
    public static RuleSetCheck of(List<RuleSource> sources, String label, Path root, List<Path> scenarioFiles) {
        return of(sources, label, root, scenarioFiles, Isolation.SEPARATE_JVM, ScenarioLimits.DEFAULT);
    }

    /**
     * Checks rule files read from anywhere (a folder, the class path).
     *
     * @param label         the version's label
     * @param root          what file names are shown relative to (null: as they are)
     * @param scenarioFiles scenario files to run when the rule set is safe
     */
    public static RuleSetCheck of(List<RuleSource> sources, String label, Path root, List<Path> scenarioFiles,
                                  Isolation isolation, ScenarioLimits limits) {
        long started = System.nanoTime();
        List<Finding> findings = new ArrayList<>();
        RuleSet compiled = null;
        ModelRuleSetCompiler compiler = new ModelRuleSetCompiler();
        ModelRuleSetCompiler.Build build = null;
        try {
            build = compiler.build(sources);
            findings.addAll(build.check().findings());
            if (build.check().passed()) {
                // loading initialises generated classes, each of which the bytecode check has just read
                compiled = compiler.load(build, new RuleSetVersion(RuleSetHashing.hash(sources), label));
            }
        } catch (RuleSetException e) {
            e.problems().forEach(p -> findings.add(Finding.error(p.file(), p.line(), p.message())));
        }
        findings.addAll(new RuleLint().check(sources, compiled == null ? List.of() : compiled.rules()));
        List<Finding> located = new ArrayList<>(findings.stream().map(f -> locate(f, root))
                .sorted(Comparator.comparing((Finding f) -> f.file() == null ? "" : f.file()).thenComparingInt(Finding::line))
                .toList());
        boolean runnable = compiled != null && located.stream().noneMatch(Finding::isError);
        long compiledAt = System.nanoTime();
        int failed = 0;
        Map<String, Long> coverage = Map.of();
        if (runnable) {
            List<List<Finding>> perFile;
            if (isolation == Isolation.SEPARATE_JVM) {
                IsolatedScenarios.Run run = new IsolatedScenarios(limits).run(build.module(), scenarioFiles);
                perFile = run.files();
                coverage = run.coverage();
                located.addAll(run.problems());
                failed += run.problems().isEmpty() ? 0 : scenarioFiles.size() - run.files().size();
            } else {
                FiringCounter counter = new FiringCounter(compiled.withTimeLimit(limits.perFiring()));
                perFile = runInProcess(scenarioFiles, counter);
                Map<String, Long> counted = new LinkedHashMap<>();
                counter.firings().forEach((rule, n) -> counted.put(rule.name(), n));
                coverage = counted;
            }
            for (List<Finding> problems : perFile) {
                failed += problems.isEmpty() ? 0 : 1;
                located.addAll(problems);
            }
        }
        return new RuleSetCheck(compiled, build, Map.copyOf(coverage), List.copyOf(located),
                runnable ? scenarioFiles.size() : 0, failed, runnable, (compiledAt - started) / 1_000_000,
                (System.nanoTime() - compiledAt) / 1_000_000);
    }

    private static Finding locate(Finding f, Path root) {
        return new Finding(f.file() == null || root == null ? f.file() : root.resolve(f.file()).toString(), f.line(),
                f.severity(), f.message());
    }

    /**
     * Every scenario file's problems, in the order given, on a few threads of this JVM: scenarios share
     * nothing, and on a machine busy with billing a check on one thread gets one thread's share of the CPU.
     */
    private static List<List<Finding>> runInProcess(List<Path> files, RuleSet ruleSet) {
        ScenarioChecks checks = new ScenarioChecks(ruleSet);
        int threads = Math.min(SCENARIO_THREADS, files.size());
        if (threads <= 1) {
            return files.stream().map(checks::run).toList();
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
                running.add(pool.submit(() -> checks.run(file)));
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
}
