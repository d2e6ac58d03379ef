package io.billwright.messaging.rulesets;

import io.billwright.engine.ruleset.EngineRule;
import io.billwright.engine.BillingEngine;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.RuleSources;
import io.billwright.engine.ruleset.lint.Finding;
import io.billwright.engine.ruleset.lint.RuleTexts;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.rules.check.IsolatedScenarios;
import io.billwright.rules.check.RuleSetCheck;
import io.billwright.rules.check.ScenarioLimits;
import io.billwright.rules.release.ReleaseContents;
import io.billwright.rules.release.ReleaseManifest;
import io.billwright.rules.release.ReleaseRefusedException;
import io.billwright.rules.release.ReleaseVerifier;
import io.billwright.rules.release.VerifiedRelease;
import io.billwright.rules.scenario.ScenarioFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set the service decides with, and the versions it kept (ADR 0010). In production a rule set
 * arrives as a signed release: deploying verifies it (signature, entries, fact model, this service's own
 * bytecode check), optionally runs its scenarios again in a separate bounded JVM, builds the knowledge
 * base from its compiled classes and swaps. In development mode a rule folder is compiled here instead, as
 * analysts iterate. The swap is one reference, so a batch that took the old engine finishes on it and the
 * next batch takes the new one; a refused candidate changes nothing. Every attempt is audited, and a
 * restarted service comes back on the release that was live.
 */
public final class RuleSetLibrary {

    private static final Logger log = LoggerFactory.getLogger(RuleSetLibrary.class);
    static final String CLASSPATH = "classpath:" + DefaultRuleSet.CLASSPATH_ROOT;
    static final String RELEASE = "release:";
    private static final String SYSTEM = "system";

    /**
     * Where rules come from and how they are checked.
     *
     * @param directory       a rule folder compiled here (development mode only), or null
     * @param development     whether a rule folder may be compiled in this JVM (reload, watch)
     * @param releases        the folder releases are deployed from by version
     * @param mavenRepository the local Maven repository releases are deployed from by coordinates
     * @param trustedKeys     the folder of public keys whose releases this service loads
     * @param timeLimit       how long one rule evaluation may fire before its item is held (RULE_TIMEOUT)
     * @param verifyLimits    the bounds of the checking JVM that {@code verify=true} runs scenarios in
     * @param startOnPackaged start on the packaged default even when a release was live
     * @param staged          releases kept verified and built ahead of their deploy
     */
    public record Settings(Path directory, Path scenarios, int keep, boolean development, Path releases,
                           Path mavenRepository, Path trustedKeys, Duration timeLimit, ScenarioLimits verifyLimits,
                           boolean startOnPackaged, int staged) {
        public Settings {
            keep = Math.max(2, keep);
            timeLimit = timeLimit == null ? Duration.ofSeconds(2) : timeLimit;
            verifyLimits = verifyLimits == null ? ScenarioLimits.DEFAULT : verifyLimits;
        }
    }

    /** What to deploy: a version from the releases folder, or Maven coordinates. */
    public record DeployRequest(String version, String coordinates) {
        String describe() {
            return coordinates != null ? coordinates : version;
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final RuleSetAudit audit;
    private final ReleaseStore store;
    private final StagedReleases staged;
    private final AtomicReference<LiveRuleSet> live = new AtomicReference<>();
    private final Deque<LiveRuleSet> history = new ArrayDeque<>();
    /** {@link #history} as last published: read without the lock, which a deploy or reload holds. */
    private volatile List<LiveRuleSet> kept = List.of();
    private final AtomicLong attempts = new AtomicLong();
    /** The newest intended deploy or rollback this instance has acted on (or found in force at start). */
    private volatile long followed;
    private volatile ReloadOutcome last;

    /**
     * Loads the rule set this deployment serves: the release of the newest live deploy or rollback in the
     * audit trail, else the development folder or the packaged default. A service that cannot load it does
     * not start.
     */
    public RuleSetLibrary(Settings settings, Clock clock, RuleSetAudit audit) {
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
        this.store = new ReleaseStore(settings.releases(), settings.mavenRepository());
        this.staged = new StagedReleases(settings.staged());
        if (settings.directory() != null && !settings.development()) {
            throw new IllegalStateException("billwright.rules.directory compiles a rule folder inside the service,"
                    + " which only development mode does (billwright.rules.development=true, for an analyst's own"
                    + " machine). In production, build a signed release (billwright-rules release) and deploy it:"
                    + " POST /admin/rules/deploy");
        }
        Optional<RuleSetAudit.Entry> newest = audit.lastIntended();
        // what other instances do from here on is followed; what was intended before is loaded now (or, with
        // start-on-packaged, deliberately not)
        followed = newest.map(RuleSetAudit.Entry::id).orElse(0L);
        Optional<RuleSetAudit.Entry> intended = settings.directory() == null && !settings.startOnPackaged()
                ? newest.filter(e -> e.toSource() != null && e.toSource().startsWith(RELEASE))
                : Optional.empty();
        ReloadOutcome first;
        attempts.incrementAndGet();
        if (intended.isPresent()) {
            Path jar = auditedJar(intended.get());
            first = deployFile(jar, SYSTEM, "START", expectedJarHash(intended.get(), audit.history(1000)), null);
            if (live.get() == null) {
                throw new IllegalStateException("release " + intended.get().toVersion() + " was live when the service"
                        + " stopped (audit entry " + intended.get().id() + "), and cannot be loaded now: "
                        + String.join("; ", first.findings()) + ". Put " + jar + " back, or start on the packaged"
                        + " default with billwright.rules.start-on-packaged=true");
            }
        } else {
            first = load(SYSTEM, "START");
            if (live.get() == null) {
                throw new IllegalStateException("the rule set from " + origin() + " failed its checks, so the service"
                        + " does not start:\n" + String.join("\n", first.findings()));
            }
        }
        last = first;
    }

    /**
     * Where the release an audit entry names is now: in this instance's releases folder by its version (each
     * instance may keep its own), else at the path the entry recorded.
     */
    private Path auditedJar(RuleSetAudit.Entry entry) {
        String version = entry.toVersion() == null ? "" : entry.toVersion().replaceFirst("@[0-9a-f]+$", "");
        return store.byVersion(version).orElse(Path.of(entry.toSource().substring(RELEASE.length())));
    }

    /** The jar hash the trail recorded for the release an entry names (a rollback's row has none of its own). */
    private static String expectedJarHash(RuleSetAudit.Entry entry, List<RuleSetAudit.Entry> trail) {
        if (entry.jarSha256() != null) {
            return entry.jarSha256();
        }
        return trail.stream().filter(e -> e.jarSha256() != null && e.outcome().equals("LIVE")
                && java.util.Objects.equals(e.toVersion(), entry.toVersion())).map(RuleSetAudit.Entry::jarSha256)
                .findFirst().orElse(null);
    }

    /**
     * Loads the release the newest deploy or rollback in the audit trail put live, when that was another
     * instance's doing and this one serves something else. Each such entry is acted on once.
     */
    public synchronized void followAuditTrail() {
        if (settings.development()) {
            return;
        }
        Optional<RuleSetAudit.Entry> intended = audit.lastIntended();
        if (intended.isEmpty() || intended.get().id() <= followed) {
            return;
        }
        RuleSetAudit.Entry entry = intended.get();
        followed = entry.id();
        if (entry.toVersion() == null || entry.toVersion().equals(live.get().version())) {
            return;
        }
        if (entry.toSource() != null && entry.toSource().startsWith(RELEASE)) {
            log.info("following {} {} by {} on another instance", entry.action().toLowerCase(java.util.Locale.ROOT),
                    entry.toVersion(), entry.actor());
            last = deployFile(auditedJar(entry), entry.actor(), "FOLLOW",
                    expectedJarHash(entry, audit.history(1000)), null);
        } else if (origin().equals(entry.toSource())) {
            last = load(entry.actor(), "FOLLOW");
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

    public boolean development() {
        return settings.development();
    }

    /**
     * The description of a rule in a version this service has had in force, or null when that version is no
     * longer kept. Called for every held or rejected decision, so it never waits for a deploy in progress.
     */
    public String describe(String version, String ruleName) {
        String engineRule = EngineRule.describe(ruleName);
        if (engineRule != null) {
            return engineRule;
        }
        for (LiveRuleSet candidate : kept) {
            if (candidate.version().equals(version)) {
                return candidate.descriptions().get(ruleName);
            }
        }
        return null;
    }

    /** The audit trail, newest first. */
    public List<RuleSetAudit.Entry> auditTrail(int limit) {
        return audit.history(limit);
    }

    /**
     * Deploys a signed release: verify, optionally run its scenarios again in a separate JVM, load, swap.
     *
     * @param verify run the release's own scenarios in the checking JVM before it goes live
     */
    public ReloadOutcome deploy(DeployRequest request, String actor, boolean verify) {
        long started = System.nanoTime();
        Optional<Path> jar = request.coordinates() != null ? store.byCoordinates(request.coordinates())
                : request.version() != null ? store.byVersion(request.version()) : Optional.empty();
        String version = request.coordinates() == null ? request.version()
                : request.coordinates().substring(request.coordinates().lastIndexOf(':') + 1);
        // the scenarios of verify=true run before the lock is taken: a rollback never waits behind them
        Verified verified = jar.isPresent() && verify ? verifyScenarios(jar.get()) : null;
        synchronized (this) {
            attempts.incrementAndGet();
            if (jar.isEmpty()) {
                String why = request.coordinates() != null
                        ? "no release " + request.coordinates() + " in the Maven repository " + settings.mavenRepository()
                        : request.version() != null ? "no release with version " + request.version() + " in "
                        + settings.releases() : "name a release: {\"version\": ...} or {\"coordinates\": \"group:artifact:version\"}";
                audit(actor, "DEPLOY", "NOT_FOUND", request.describe(), null, null, "NOT_FOUND", List.of(why),
                        started);
                last = new ReloadOutcome("NOT_FOUND", live.get().version(), "NOT_FOUND", List.of(why),
                        millisSince(started));
                return last;
            }
            if (verified != null && !verified.failures().isEmpty()) {
                last = refused(actor, "DEPLOY", jar.get(), verified.release(), "SCENARIOS",
                        "the release's scenarios fail on this service: " + verified.failures().get(0), started);
                return last;
            }
            // with verify=true, the jar must still be the one whose scenarios just ran
            last = deployFile(jar.get(), actor, "DEPLOY", verified == null ? null : verified.jarHash(), version);
            return last;
        }
    }

    /** A release whose scenarios ran again here: its jar's hash and what failed (nothing, when it passed). */
    private record Verified(VerifiedRelease release, String jarHash, List<String> failures) {
    }

    /**
     * Verifies and builds the release (or takes it staged) and runs its scenarios in the checking JVM. A
     * release that does not verify is left to the deploy, which refuses it with its reason.
     */
    private Verified verifyScenarios(Path jar) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(jar);
        } catch (IOException e) {
            return new Verified(null, null, List.of("cannot read " + jar + ": " + e.getMessage()));
        }
        String jarHash = sha256(bytes);
        try {
            ReleaseVerifier verifier = verifier();
            StagedReleases.Staged release = staged.get(jarHash).filter(s -> verifier.trusts(s.release().keyId()))
                    .orElseGet(() -> prepare(verifier, bytes));
            return new Verified(release.release(), jarHash, rerunScenarios(release.release(), bytes));
        } catch (ReleaseRefusedException | IllegalArgumentException refused) {
            // it does not verify: the deploy reads the same bytes (their hash is checked) and refuses them
            return new Verified(null, jarHash, List.of());
        } catch (IOException | RuntimeException e) {
            return new Verified(null, jarHash, List.of("the scenarios could not be run: " + e));
        }
    }

    /**
     * @param expectedJarHash the jar's SHA-256 the audit trail recorded (a restart, a follow, a rollback), or null
     * @param expectedVersion the version the request named, or null
     */
    private ReloadOutcome deployFile(Path jar, String actor, String action, String expectedJarHash,
                                     String expectedVersion) {
        long started = System.nanoTime();
        LiveRuleSet current = live.get();
        VerifiedRelease release = null;
        ReleaseVerifier verifier;
        try {
            verifier = verifier();
        } catch (IllegalArgumentException e) {
            return refused(actor, action, jar, null, "TRUSTED_KEYS", e.getMessage(), started);
        }
        try {
            byte[] bytes = Files.readAllBytes(jar);
            String jarHash = sha256(bytes);
            if (expectedJarHash != null && !expectedJarHash.equals(jarHash)) {
                throw new ReleaseRefusedException(ReleaseRefusedException.Reason.TAMPERED, jar + " is not the release"
                        + " expected (the one the audit trail recorded, or whose scenarios just ran): its SHA-256 is "
                        + jarHash + ", expected " + expectedJarHash);
            }
            StagedReleases.Staged staged = this.staged.get(jarHash).filter(s -> verifier.trusts(s.release().keyId()))
                    .orElse(null);
            boolean wasStaged = staged != null;
            if (staged == null) {
                staged = prepare(verifier, bytes);
            }
            release = staged.release();
            ReleaseManifest manifest = release.manifest();
            if (expectedVersion != null && !expectedVersion.equals(manifest.version())) {
                throw new ReleaseRefusedException(ReleaseRefusedException.Reason.TAMPERED, jar + " was found for version "
                        + expectedVersion + ", but its signed manifest states version " + manifest.version());
            }
            if (current != null && current.version().equals(manifest.label())) {
                audit(actor, action, "UNCHANGED", manifest.label(), RELEASE + jar, release, null, List.of(), started);
                return new ReloadOutcome("UNCHANGED", current.version(), null, List.of(), millisSince(started));
            }
            RuleSet rules = staged.rules();
            Map<String, String> descriptions = new LinkedHashMap<>();
            manifest.rules().forEach(r -> descriptions.put(r.name(), r.description()));
            LiveRuleSet next = new LiveRuleSet(rules, BillingEngine.using(rules), RELEASE + jar,
                    List.copyOf(new java.util.TreeSet<>(manifest.sources().keySet())), descriptions, clock.instant());
            // recorded before the swap: a deploy the audit trail does not show never serves
            long id = audit(actor, action, "LIVE", next.version(), next.origin(), release, null, manifest.findings(),
                    started);
            goLive(next);
            markFollowed(id);
            log.info("release {} from {} is live ({} rules, signed by key {}; {}; {} ms)", next.version(), jar,
                    next.rules().size(), release.keyId(), wasStaged ? "staged before" : "verified and built now",
                    millisSince(started));
            return new ReloadOutcome("LIVE", next.version(), null, manifest.findings(), millisSince(started), wasStaged);
        } catch (ReleaseRefusedException e) {
            return refused(actor, action, jar, release, e.reason().name(), e.getMessage(), started);
        } catch (RuleSetException e) {
            return refused(actor, action, jar, release, "LOAD", e.getMessage(), started);
        } catch (IOException | java.io.UncheckedIOException e) {
            return refused(actor, action, jar, release, "UNREADABLE", "cannot read " + jar + ": " + e.getMessage(),
                    started);
        } catch (RuntimeException | LinkageError e) {
            // anything else (a class Drools cannot link, a malformed class file) refuses the release, audited
            log.warn("release {} could not be loaded", jar, e);
            return refused(actor, action, jar, release, "LOAD", e.toString(), started);
        }
    }

    /** Verifies a release and builds its rule set, and keeps both for its deploy. */
    private StagedReleases.Staged prepare(ReleaseVerifier verifier, byte[] bytes) {
        VerifiedRelease release = verifier.verify(bytes);
        RuleSet rules = ReleaseRuleSets.build(release, settings.timeLimit());
        StagedReleases.Staged prepared = new StagedReleases.Staged(release, rules);
        staged.put(prepared);
        return prepared;
    }

    /**
     * Verifies and builds the release in {@code jar} ahead of its deploy (see {@link ReleaseStager}); nothing
     * that serves changes, and this takes no lock a deploy waits for.
     *
     * @throws ReleaseRefusedException when it does not verify
     */
    public void stage(Path jar) {
        try {
            byte[] bytes = Files.readAllBytes(jar);
            if (staged.contains(sha256(bytes))) {
                return;
            }
            long started = System.nanoTime();
            StagedReleases.Staged prepared = prepare(verifier(), bytes);
            log.info("release {} from {} staged: verified and built in {} ms, ready to deploy",
                    prepared.release().manifest().label(), jar, millisSince(started));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReloadOutcome refused(String actor, String action, Path jar, VerifiedRelease release, String reason,
                                  String message, long started) {
        log.warn("release {} refused ({}): {}; the serving version stays", jar, reason, message);
        audit(actor, action, "REJECTED", release == null ? null : release.manifest().label(), RELEASE + jar, release,
                reason, List.of(message), started);
        LiveRuleSet current = live.get();
        return new ReloadOutcome("REJECTED", current == null ? null : current.version(), reason, List.of(message),
                millisSince(started));
    }

    private ReleaseVerifier verifier() {
        return ReleaseRuleSets.verifier(settings.trustedKeys());
    }

    private List<String> rerunScenarios(VerifiedRelease release, byte[] jar) throws IOException {
        Path folder = Files.createTempDirectory("billwright-verify-");
        try {
            List<Path> files = ReleaseContents.extractScenarios(jar, folder);
            if (files.size() != release.manifest().scenarios().run()) {
                return List.of("the release carries " + files.size() + " scenario files, but its manifest says "
                        + release.manifest().scenarios().run() + " were run when it was built");
            }
            IsolatedScenarios.Run run = new IsolatedScenarios(settings.verifyLimits()).run(release.module(), files);
            return Stream.concat(run.problems().stream(), run.files().stream().flatMap(List::stream))
                    .filter(Finding::isError).map(Finding::toString).toList();
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Reads the rule folder again and swaps it in if it passes every check: development mode only, since it
     * compiles in this JVM.
     */
    public synchronized ReloadOutcome reload(String actor) {
        attempts.incrementAndGet();
        if (!settings.development()) {
            String why = "reload compiles a rule folder inside the service, which only development mode allows"
                    + " (billwright.rules.development=true); deploy a signed release instead: POST /admin/rules/deploy";
            audit(actor, "RELOAD", "REJECTED", null, origin(), null, "DEVELOPMENT_MODE_OFF", List.of(why),
                    System.nanoTime());
            return new ReloadOutcome("REJECTED", live.get().version(), "DEVELOPMENT_MODE_OFF", List.of(why), 0);
        }
        last = load(actor, "RELOAD");
        return last;
    }

    /** Reloads attempted since start, the first load included. */
    public long attempts() {
        return attempts.get();
    }

    /** What the last deploy, reload or rollback did. */
    public ReloadOutcome lastReload() {
        return last;
    }

    private ReloadOutcome load(String actor, String action) {
        long started = System.nanoTime();
        String origin = origin();
        List<RuleSource> sources;
        try {
            sources = readSources();
        } catch (RuleSetException e) {
            return rejected(actor, action, e.problems().stream().map(p -> Finding.error(p.file(), p.line(), p.message()))
                    .toList(), started);
        }
        RuleSetCheck check = checkOf(sources);
        if (!check.passed()) {
            List<Finding> errors = check.findings().stream().filter(Finding::isError).toList();
            log.warn("rule set from {} refused, {} errors; the serving version stays: {}{}", origin, errors.size(),
                    errors.get(0), errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
            return rejected(actor, action, check.findings(), started);
        }
        LiveRuleSet current = live.get();
        if (current != null && current.version().equals(check.compiled().version().toString())) {
            audit(actor, action, "UNCHANGED", current.version(), origin, null, null, List.of(), started);
            return ReloadOutcome.of("UNCHANGED", current, check.findings(), millisSince(started));
        }
        RuleSet rules = check.compiled().withTimeLimit(settings.timeLimit());
        List<String> files = sources.stream().map(RuleSource::path).toList();
        LiveRuleSet next = new LiveRuleSet(rules, BillingEngine.using(rules), origin, files,
                RuleTexts.descriptions(sources, rules.rules()), clock.instant());
        long id = audit(actor, action, "LIVE", next.version(), origin, null, null,
                check.findings().stream().map(Finding::toString).toList(), started);
        goLive(next);
        markFollowed(id);
        log.info("rule set {} from {} is live ({} rules, {} scenarios passed; compile and checks {} ms, scenarios {} ms)",
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
            return PackagedScenarios.check(sources); // the service's own rules and scenarios, from its jar
        }
        return RuleSetCheck.of(sources, settings.directory() == null ? DefaultRuleSet.LABEL
                : String.valueOf(settings.directory().toAbsolutePath().normalize().getFileName()),
                settings.directory(), scenarioFiles());
    }

    /**
     * Development mode: checks the serving folder {@code times} more on a background thread, changing nothing,
     * so that the JIT has compiled the compiler and the checks before an analyst's first reload.
     *
     * @return the number of checks run, once they have
     */
    public CompletableFuture<Integer> warmUp(int times) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        if (times <= 0 || !settings.development()) {
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

    /**
     * Puts the version before the serving one back in force, or says there is none. The version before is
     * the one kept in memory, or after a restart the one the audit trail says the serving version replaced.
     */
    public synchronized Optional<ReloadOutcome> rollback(String actor) {
        attempts.incrementAndGet();
        if (history.size() < 2) {
            return rollbackFromAudit(actor);
        }
        long started = System.nanoTime();
        LiveRuleSet withdrawn = history.peekFirst();
        LiveRuleSet previous = List.copyOf(history).get(1).wentLiveAt(clock.instant());
        long id = audit(actor, "ROLLBACK", "LIVE", previous.version(), previous.origin(), null, null, List.of(), started);
        markFollowed(id);
        history.removeFirst();
        history.removeFirst();
        goLive(previous);
        history.addLast(withdrawn); // kept, oldest, so a rollback can itself be undone
        kept = List.copyOf(history);
        log.info("rolled back from rule set {} to {}", withdrawn.version(), previous.version());
        last = new ReloadOutcome("LIVE", previous.version(), null, List.of(), millisSince(started));
        return Optional.of(last);
    }

    private Optional<ReloadOutcome> rollbackFromAudit(String actor) {
        String serving = live.get().version();
        List<RuleSetAudit.Entry> trail = audit.history(1000);
        Optional<String> before = trail.stream().filter(e -> e.outcome().equals("LIVE") && serving.equals(e.toVersion())
                && (e.action().equals("DEPLOY") || e.action().equals("ROLLBACK")) && e.fromVersion() != null)
                .map(RuleSetAudit.Entry::fromVersion).findFirst();
        Optional<RuleSetAudit.Entry> target = before.flatMap(version -> trail.stream().filter(e -> e.outcome()
                .equals("LIVE") && version.equals(e.toVersion()) && e.toSource() != null).findFirst());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String source = target.get().toSource();
        if (source.startsWith(RELEASE)) {
            last = deployFile(auditedJar(target.get()), actor, "ROLLBACK", expectedJarHash(target.get(), trail),
                    null);
        } else if (source.equals(origin())) {
            last = load(actor, "ROLLBACK");
        } else {
            return Optional.empty();
        }
        return Optional.of(last);
    }

    /** This instance's own deploy or rollback is entry {@code id}: nothing to follow up to there. */
    private void markFollowed(long id) {
        followed = Math.max(followed, id);
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

    private ReloadOutcome rejected(String actor, String action, List<Finding> findings, long started) {
        List<String> texts = findings.stream().map(Finding::toString).toList();
        audit(actor, action, "REJECTED", null, origin(), null, "CHECKS", texts, started);
        LiveRuleSet current = live.get();
        return new ReloadOutcome("REJECTED", current == null ? null : current.version(), "CHECKS", texts,
                millisSince(started));
    }

    private long audit(String actor, String action, String outcome, String toVersion, String toSource,
                       VerifiedRelease release, String reason, List<String> findings, long started) {
        LiveRuleSet current = live.get();
        String hash = release != null ? release.manifest().ruleSetHash()
                : toVersion != null && toVersion.contains("@") ? toVersion.substring(toVersion.lastIndexOf('@') + 1) : null;
        return audit.record(new RuleSetAudit.Entry(0, clock.instant(), actor == null ? SYSTEM : actor, action, outcome,
                current == null ? null : current.version(), toVersion, toSource, hash,
                release == null ? null : release.jarSha256(), release == null ? null : release.keyId(), reason,
                findings.stream().limit(200).toList(), millisSince(started)));
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
