package io.billwright.messaging.rulesets;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.RuleSources;
import io.billwright.engine.ruleset.lint.Finding;
import io.billwright.engine.ruleset.lint.RuleTexts;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.rules.check.RuleSetCheck;
import io.billwright.rules.scenario.ScenarioFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set the service decides with, and the versions it kept. A candidate goes live only if it
 * compiles, passes the lint and passes every scenario; the swap is one reference, so a batch of messages
 * that took the old engine finishes on it and the next batch takes the new one. A rejected candidate
 * leaves the serving version in place. The last {@code keep} versions stay loaded for a rollback.
 */
public final class RuleSetLibrary {

    private static final Logger log = LoggerFactory.getLogger(RuleSetLibrary.class);
    static final String CLASSPATH = "classpath:" + DefaultRuleSet.CLASSPATH_ROOT;

    /** Where rules come from: a folder (with its scenarios) or, when none, the packaged default. */
    public record Settings(Path directory, Path scenarios, int keep) {
        public Settings {
            keep = Math.max(2, keep);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final AtomicReference<LiveRuleSet> live = new AtomicReference<>();
    private final Deque<LiveRuleSet> history = new ArrayDeque<>();
    /** {@link #history} as last published: read without the lock, which a reload holds for seconds. */
    private volatile List<LiveRuleSet> kept = List.of();
    private final java.util.concurrent.atomic.AtomicLong attempts = new java.util.concurrent.atomic.AtomicLong();
    private volatile ReloadOutcome last;

    /** Loads the configured rule set; a service whose rule set fails a check does not start. */
    public RuleSetLibrary(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        ReloadOutcome first = reload();
        if (live.get() == null) {
            throw new IllegalStateException("the rule set from " + origin()
                    + " failed its checks, so the service does not start:\n"
                    + String.join("\n", first.findings()));
        }
    }

    /** The engine in force: take it once per transaction. */
    public BillingEngine engine() {
        return live.get().engine();
    }

    public LiveRuleSet live() {
        return live.get();
    }

    /** Every version kept, the serving one first. */
    public List<LiveRuleSet> versions() {
        return kept;
    }

    /**
     * The description of a rule in a version this service has had in force, or null when that version is no
     * longer kept (or was never loaded here). Called for every held or rejected decision, so it never
     * waits for a reload in progress.
     */
    public String describe(String version, String ruleName) {
        for (LiveRuleSet candidate : kept) {
            if (candidate.version().equals(version)) {
                return candidate.descriptions().get(ruleName);
            }
        }
        return null;
    }

    /** Reads the rule files again and swaps them in if they pass every check. */
    public synchronized ReloadOutcome reload() {
        attempts.incrementAndGet();
        last = check();
        return last;
    }

    /** Reloads attempted since start, the first load included. */
    public long attempts() {
        return attempts.get();
    }

    /** What the last reload did. */
    public ReloadOutcome lastReload() {
        return last;
    }

    private ReloadOutcome check() {
        long started = System.nanoTime();
        String origin = origin();
        List<RuleSource> sources;
        try {
            sources = readSources();
        } catch (RuleSetException e) {
            return rejected(e.problems().stream().map(p -> Finding.error(p.file(), p.line(), p.message())).toList(),
                    started);
        }
        RuleSetCheck check = checkOf(sources);
        if (!check.passed()) {
            List<Finding> errors = check.findings().stream().filter(Finding::isError).toList();
            log.warn("rule set from {} refused, {} errors; the serving version stays: {}{}", origin, errors.size(),
                    errors.get(0), errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
            return rejected(check.findings(), started);
        }
        LiveRuleSet current = live.get();
        if (current != null && current.version().equals(check.compiled().version().toString())) {
            return ReloadOutcome.of("UNCHANGED", current, check.findings(), millisSince(started));
        }
        List<String> files = sources.stream().map(RuleSource::path).toList();
        LiveRuleSet next = new LiveRuleSet(check.compiled(), BillingEngine.using(check.compiled()), origin, files,
                RuleTexts.descriptions(sources, check.compiled().rules()), clock.instant());
        goLive(next);
        log.info("rule set {} from {} is live ({} rules, {} scenarios passed; compile and lint {} ms, scenarios {} ms)",
                next.version(), origin, next.rules().size(), check.scenarios(), check.compileMillis(),
                check.scenarioMillis());
        return ReloadOutcome.of("LIVE", next, check.findings(), millisSince(started));
    }

    private String origin() {
        return settings.directory() == null ? CLASSPATH : settings.directory().toString();
    }

    private List<RuleSource> readSources() {
        return settings.directory() == null ? DefaultRuleSet.sources() : RuleSources.fromDirectory(settings.directory());
    }

    private RuleSetCheck checkOf(List<RuleSource> sources) {
        if (settings.directory() == null && settings.scenarios() == null) {
            return PackagedScenarios.check(sources); // the default's own scenarios, from the jar
        }
        return RuleSetCheck.of(sources, settings.directory() == null ? DefaultRuleSet.LABEL
                : String.valueOf(settings.directory().toAbsolutePath().normalize().getFileName()),
                settings.directory(), scenarioFiles());
    }

    /**
     * Checks the serving rule set {@code times} more on a background thread, changing nothing, so that
     * the JIT has compiled the Drools compiler, the lint and the scenarios' engine before an analyst's
     * first reload: reloads are rare, and under load a cold one took two to four times as long as one
     * after a few others.
     *
     * @return the number of checks run, once they have
     */
    public CompletableFuture<Integer> warmUp(int times) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        if (times <= 0) {
            done.complete(0);
            return done;
        }
        Thread warmUp = new Thread(() -> {
            long started = System.nanoTime();
            int checked = 0;
            try {
                for (; checked < times; checked++) {
                    checkOf(readSources());
                }
                log.info("reload path warmed up: {} checks of the rule set in {} ms", times, millisSince(started));
            } catch (RuntimeException e) {
                log.info("warming up the reload path stopped after {} checks: {}", checked, e.toString());
            }
            done.complete(checked);
        }, "rule-set-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return done;
    }

    /** Puts the version before the serving one back in force, or says there is none. */
    public synchronized Optional<ReloadOutcome> rollback() {
        if (history.size() < 2) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        LiveRuleSet withdrawn = history.removeFirst();
        LiveRuleSet previous = history.removeFirst().wentLiveAt(clock.instant());
        goLive(previous);
        history.addLast(withdrawn); // kept, oldest, so a rollback can itself be undone by a reload
        kept = List.copyOf(history);
        log.info("rolled back from rule set {} to {}", withdrawn.version(), previous.version());
        return Optional.of(ReloadOutcome.of("LIVE", previous, List.of(), millisSince(started)));
    }

    private void goLive(LiveRuleSet next) {
        live.set(next);
        history.removeIf(kept -> kept.version().equals(next.version()));
        history.addFirst(next);
        while (history.size() > settings.keep()) {
            history.removeLast();
        }
        kept = List.copyOf(history);
    }

    private ReloadOutcome rejected(List<Finding> findings, long started) {
        LiveRuleSet current = live.get();
        if (current == null) {
            return new ReloadOutcome("REJECTED", null, findings.stream().map(Finding::toString).toList(),
                    millisSince(started));
        }
        return ReloadOutcome.of("REJECTED", current, findings, millisSince(started));
    }

    private List<Path> scenarioFiles() {
        try {
            return settings.scenarios() != null ? ScenarioFiles.under(List.of(settings.scenarios()))
                    : ScenarioFiles.orDefault(List.of(), settings.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenarios: " + e.getMessage(), e);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
