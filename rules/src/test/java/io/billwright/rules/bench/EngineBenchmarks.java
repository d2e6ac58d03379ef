package io.billwright.rules.bench;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.event.BillingPeriod;
import io.billwright.engine.event.BillingPeriodClosed;
import io.billwright.engine.event.ContractReceived;
import io.billwright.engine.event.EventId;
import io.billwright.engine.event.TimeEntryRecorded;
import io.billwright.engine.item.ApprovalStatus;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.state.ContractState;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.rules.fixtures.ContractBuilder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine's speed targets with the full default rule set (run with {@code bench/jmh}; figures in
 * docs/benchmarks.md). Not a test: nothing here runs in {@code mvn verify}.
 */
public class EngineBenchmarks {

    static final ContractId CONTRACT = new ContractId("C-BENCH");
    static final LocalDate DAY = LocalDate.parse("2026-01-05");

    static Contract contract() {
        return ContractBuilder.aContract().withId(CONTRACT.value()).withCap("100000000.00").withRetention("5").build();
    }

    static TimeEntry entry(long n) {
        return new TimeEntry("TE-" + n, "person-" + (n % 50), "CONSULTANT", DAY.plusDays(n % 20),
                new BigDecimal("7.5"), true, ApprovalStatus.APPROVED, null, false, null, null);
    }

    /**
     * The default rule set as each compiler builds it: {@code drl} (plain DRL, constraints interpreted by
     * MVEL; what the service ran until issue 14) or {@code executable} (Drools' executable model, what a
     * release carries).
     */
    static RuleSet load(String compiler) {
        return switch (compiler) {
            case "drl" -> new io.billwright.engine.ruleset.lint.LintedCompiler(
                    new io.billwright.engine.ruleset.drools.DroolsRuleSetCompiler()).compile(DefaultRuleSet.sources(), "drl");
            case "executable" -> DefaultRuleSet.load();
            default -> throw new IllegalArgumentException(compiler);
        };
    }

    /** One thread applying approved time entries, each to the state the previous one produced. */
    @State(Scope.Thread)
    public static class TimeEntries {
        @org.openjdk.jmh.annotations.Param({"drl", "executable"})
        String compiler;
        RuleSet rules;
        BillingEngine engine;
        ContractState empty;
        ContractState state;
        long n;

        @Setup(Level.Trial)
        public void setUp() {
            rules = load(compiler);
            engine = BillingEngine.using(rules);
            empty = engine.apply(new ContractReceived(new EventId("c"), contract()), ContractState.empty(CONTRACT)).state();
            state = empty;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Outcome timeEntryEvent(TimeEntries s) {
        long n = s.n++;
        if (n % 1_000 == 0) {
            s.state = s.empty; // a contract-month: at most 1,000 pending entries, as in production
        }
        Outcome outcome = s.engine.apply(new TimeEntryRecorded(new EventId("m-" + n), CONTRACT, entry(n)), s.state);
        s.state = outcome.state();
        return outcome;
    }

    /** A state with 1,000 approved, pending entries, closed again and again (the state is immutable). */
    @State(Scope.Thread)
    public static class PendingThousand {
        @org.openjdk.jmh.annotations.Param({"drl", "executable"})
        String compiler;
        BillingEngine engine;
        ContractState state;
        BillingPeriodClosed close;

        @Setup(Level.Trial)
        public void setUp() {
            engine = BillingEngine.using(load(compiler));
            state = engine.apply(new ContractReceived(new EventId("c"), contract()), ContractState.empty(CONTRACT)).state();
            for (int i = 0; i < 1_000; i++) {
                state = engine.apply(new TimeEntryRecorded(new EventId("m-" + i), CONTRACT, entry(i)), state).state();
            }
            close = new BillingPeriodClosed(new EventId("close"), CONTRACT,
                    new BillingPeriod("2026-01", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Outcome periodCloseOverThousandPendingEntries(PendingThousand s) {
        Outcome outcome = s.engine.apply(s.close, s.state);
        if (outcome.packages().size() != 1 || outcome.packages().get(0).lines().size() != 1_000) {
            throw new IllegalStateException("expected one package of 1,000 lines");
        }
        return outcome;
    }

    /**
     * A quarter of one contract as the what-if replays it: ten people a working day, each entry recorded as
     * submitted and approved two days later (a correction), every third entry linked to the month's milestone on a
     * milestone contract, the milestone completed and accepted at the month's end, and the period closed; about
     * 650 items and 1,350 events. Every engine call sees the contract's whole state so far, so a cost per call
     * that grows with the items shows here and not in {@link #timeEntryEvent}.
     */
    @State(Scope.Thread)
    public static class ContractHistory {
        @org.openjdk.jmh.annotations.Param({"TIME_AND_MATERIALS", "MILESTONE"})
        String model;
        BillingEngine engine;
        List<io.billwright.engine.event.BillingEvent> events;

        @Setup(Level.Trial)
        public void setUp() {
            engine = BillingEngine.using(DefaultRuleSet.load());
            events = history(model);
        }
    }

    static List<io.billwright.engine.event.BillingEvent> history(String model) {
        boolean milestones = model.equals("MILESTONE");
        Contract base = ContractBuilder.aContract().withId(CONTRACT.value()).withModel(model).withRetention("5").build();
        Contract contract = new Contract(base.id(), base.version(), base.status(), base.effectiveFrom(), base.endDate(),
                base.customer(), base.seller(), base.currency(), base.billingModel(), base.rateCard(), base.notToExceed(),
                milestones ? List.of(new io.billwright.engine.contract.MilestoneTerms("M1", "Design", new BigDecimal("40000.00")),
                        new io.billwright.engine.contract.MilestoneTerms("M2", "Build", new BigDecimal("60000.00")),
                        new io.billwright.engine.contract.MilestoneTerms("M3", "Test", new BigDecimal("30000.00")))
                        : List.of(), base.schedule(), base.retainer(), base.retention(), base.expensePolicy(),
                base.subcontractorMarkupPercent(), base.erpTarget(), base.contractValue());
        List<io.billwright.engine.event.BillingEvent> out = new java.util.ArrayList<>();
        out.add(new ContractReceived(new EventId("c"), contract));
        java.util.Map<LocalDate, List<TimeEntry>> approvals = new java.util.HashMap<>();
        int n = 0;
        for (int month = 1; month <= 3; month++) {
            String milestone = "M" + month;
            LocalDate first = LocalDate.of(2026, month, 1);
            LocalDate last = first.withDayOfMonth(first.lengthOfMonth());
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                for (TimeEntry approved : approvals.getOrDefault(day, List.of())) {
                    out.add(new TimeEntryRecorded(new EventId("a-" + approved.id()), CONTRACT, approved));
                }
                if (day.getDayOfWeek().getValue() > 5) {
                    continue;
                }
                for (int person = 0; person < 10; person++, n++) {
                    String link = milestones && n % 3 == 0 ? milestone : null;
                    TimeEntry submitted = new TimeEntry("TE-" + n, "person-" + person, "CONSULTANT", day,
                            new BigDecimal("7.5"), true, ApprovalStatus.SUBMITTED, link, false, null, null);
                    out.add(new TimeEntryRecorded(new EventId("s-" + n), CONTRACT, submitted));
                    approvals.computeIfAbsent(day.plusDays(2), d -> new java.util.ArrayList<>())
                            .add(new TimeEntry("TE-" + n, "person-" + person, "CONSULTANT", day, new BigDecimal("7.5"),
                                    true, ApprovalStatus.APPROVED, link, false, null, null));
                }
            }
            if (milestones) {
                out.add(new io.billwright.engine.event.MilestoneCompleted(new EventId("mc-" + month), CONTRACT, milestone, last));
                out.add(new io.billwright.engine.event.MilestoneAccepted(new EventId("ma-" + month), CONTRACT, milestone, last));
            }
            out.add(new BillingPeriodClosed(new EventId("close-" + month), CONTRACT,
                    new BillingPeriod(first.toString().substring(0, 7), first, last)));
        }
        return List.copyOf(out);
    }

    /** The whole history from an empty state; divide by the events (printed once) for a cost per event. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ContractState contractHistory(ContractHistory s) {
        ContractState state = ContractState.empty(CONTRACT);
        for (io.billwright.engine.event.BillingEvent event : s.events) {
            state = s.engine.apply(event, state).state();
        }
        return state;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RuleSet coldRuleSetBuild() {
        return DefaultRuleSet.load();
    }

    /** The default rule set with one of its files edited anew for every build: what a reload compiles. */
    @State(Scope.Thread)
    public static class Edits {
        List<RuleSource> sources;
        long n;

        @Setup(Level.Trial)
        public void setUp() {
            sources = DefaultRuleSet.sources();
        }

        List<RuleSource> next() {
            String note = "\n// edit " + n++ + "\n";
            return sources.stream().map(s -> s.path().endsWith("tm/time-and-materials.drl")
                    ? RuleSource.of(s.path(), new String(s.content(), StandardCharsets.UTF_8) + note) : s).toList();
        }
    }

    /** A warm reload after an analyst changed one file: compile (that file's folder) and lint. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RuleSet reloadAfterOneFileChanged(Edits s) {
        return DefaultRuleSet.compiler().compile(s.next(), "reload");
    }

    /** A signed release of the default rule set (built once, with no scenarios) and a verifier trusting its key. */
    @State(Scope.Thread)
    public static class Release {
        byte[] jar;
        io.billwright.rules.release.ReleaseVerifier verifier;

        @Setup(Level.Trial)
        public void setUp() {
            var pair = io.billwright.rules.release.ReleaseKeys.generate();
            var key = new io.billwright.rules.release.SigningKey(pair.getPrivate(), pair.getPublic());
            jar = new io.billwright.rules.release.ReleaseBuilder(java.time.Clock.systemUTC(),
                    io.billwright.rules.check.ScenarioLimits.DEFAULT).build(DefaultRuleSet.sources(), null, List.of(),
                    "bench", "bench", key).jar();
            verifier = new io.billwright.rules.release.ReleaseVerifier(List.of(pair.getPublic()));
        }
    }

    /** What a deploy costs the service: verify the jar (signature, hashes, fact model, bytecode) and load it. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RuleSet verifyAndLoadARelease(Release s) {
        var verified = s.verifier.verify(s.jar);
        return new io.billwright.engine.ruleset.drools.model.ModuleLoader().load(verified.module(),
                new io.billwright.engine.ruleset.RuleSetVersion(verified.manifest().ruleSetHash(), "bench"));
    }
}
