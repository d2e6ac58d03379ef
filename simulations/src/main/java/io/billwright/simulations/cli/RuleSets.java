package io.billwright.simulations.cli;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.RuleSources;
import io.billwright.rules.DefaultRuleSet;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The baseline and candidate rule sets of a run: their files, from a folder or the packaged default, compiled. */
final class RuleSets {

    private RuleSets() {
    }

    static RuleSet compile(List<RuleSource> sources, String label) {
        return DefaultRuleSet.compiler().compile(sources, label);
    }

    /** A folder's files, or the packaged rule set's when there is no folder. */
    static List<RuleSource> sources(Path directory) {
        return directory == null ? DefaultRuleSet.sources() : RuleSources.fromDirectory(directory);
    }

    /** Starts compiling both rule sets, each on a thread of its own, and returns at once. */
    static Compiling compileBoth(List<RuleSource> baseline, String baselineLabel, List<RuleSource> candidate,
                                 String candidateLabel) {
        ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "rule-set-compiler");
            thread.setDaemon(true);
            return thread;
        });
        Compiling compiling = new Compiling(
                CompletableFuture.supplyAsync(() -> compile(baseline, baselineLabel), threads),
                CompletableFuture.supplyAsync(() -> compile(candidate, candidateLabel), threads));
        threads.shutdown();
        return compiling;
    }

    /** Two rule sets being compiled. */
    record Compiling(CompletableFuture<RuleSet> baselineFuture, CompletableFuture<RuleSet> candidateFuture) {

        /** @throws RuleSetException when it does not compile */
        RuleSet baseline() {
            return join(baselineFuture);
        }

        /** @throws RuleSetException when it does not compile */
        RuleSet candidate() {
            return join(candidateFuture);
        }

        /** Waits for both; the first one's problems when either does not compile, else null. */
        RuleSetException failure() {
            try {
                baseline();
                candidate();
                return null;
            } catch (RuleSetException e) {
                return e;
            }
        }

        private static RuleSet join(CompletableFuture<RuleSet> future) {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }
}
