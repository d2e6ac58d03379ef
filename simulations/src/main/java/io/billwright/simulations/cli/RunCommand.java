package io.billwright.simulations.cli;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.rules.diff.RuleSetDiff;
import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.input.EventFiles;
import io.billwright.simulations.input.InputException;
import io.billwright.simulations.input.EventIndex;
import io.billwright.simulations.input.InputFacts;
import io.billwright.simulations.overrides.RetentionTable;
import io.billwright.simulations.overrides.TableProblem;
import io.billwright.simulations.overrides.TaxRateTable;
import io.billwright.simulations.report.Reports;
import io.billwright.simulations.report.SimulationBrief;
import io.billwright.simulations.run.Side;
import io.billwright.simulations.run.WhatIf;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run}: replay, compare, and write the reports into a folder. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replay events through the baseline and the candidate rule set and write the reports",
            "(summary.csv, lines.csv, packages.csv, reconciliation.csv, what-if.xlsx, report.html, and",
            "rules-changed.csv when the candidate's rules differ) into the output folder.",
            "",
            "Exit status: 0 done; 1 bad input (a missing or malformed file, an unusable table);",
            "3 a rule set that does not compile (nothing is replayed)."})
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "EVENTS.jsonl", arity = "1..*",
            description = "CloudEvents JSON Lines: files the service would consume, or its event-log export")
    List<Path> files;

    @Option(names = "--candidate", paramLabel = "DIR",
            description = "The candidate rule set's folder (default: the packaged rule set, with the tables below)")
    Path candidate;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = "The baseline rule set's folder (default: the packaged rule set)")
    Path baseline;

    @Option(names = "--tax-rates", paramLabel = "FILE.csv",
            description = "Standard tax rates for the candidate: columns Jurisdiction, Rate %% (and Rule)")
    Path taxRates;

    @Option(names = "--retention", paramLabel = "FILE.csv",
            description = "Retention terms for the candidate's contracts: columns Retention %% (and Effective from, "
                    + "Billing model, Customer, Cap)")
    Path retention;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "what-if-report",
            description = "Folder for the reports (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--skip-bad-lines", description = "Count and skip lines that cannot be read instead of stopping")
    boolean skipBadLines;

    @Option(names = "--quiet", description = "No progress bars")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** A problem with a folder the run needs, found before any work is done; null when there is none. */
    private String unusableFolders() {
        for (Path folder : java.util.Arrays.asList(candidate, baseline)) {
            if (folder != null && !Files.isDirectory(folder)) {
                return folder + ": " + (Files.exists(folder) ? "is a file, not a rule-set folder" : "no such rule-set folder");
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return out + ": is a file; the reports need a folder";
        }
        return null;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter console = spec.commandLine().getOut();
        Timings timings = new Timings();
        String unusable = unusableFolders();
        if (unusable != null) {
            err.println(unusable);
            return SimulationsCli.BAD_INPUT;
        }
        UnaryOperator<io.billwright.engine.event.BillingEvent> adjustment = UnaryOperator.identity();
        RetentionTable retentionTable = null;
        TaxRateTable rates;
        List<RuleSource> baseSources;
        List<RuleSource> ownSources;
        List<RuleSource> candSources;
        try {
            rates = taxRates == null ? null : TaxRateTable.read(taxRates);
            if (retention != null) {
                retentionTable = RetentionTable.read(retention);
                adjustment = retentionTable;
            }
            baseSources = RuleSets.sources(baseline);
            ownSources = RuleSets.sources(candidate);
            candSources = rates == null ? ownSources : rates.applyTo(ownSources);
        } catch (TableProblem e) {
            err.println(e.getMessage());
            return SimulationsCli.BAD_INPUT;
        } catch (RuleSetException e) {
            return badRules(err, e);
        }
        // the two rule sets compile beside each other and beside the reading: compiling is mostly one thread's work
        RuleSets.Compiling compiling = RuleSets.compileBoth(baseSources, baseline == null ? DefaultRuleSet.LABEL
                : "baseline", candSources, "candidate");
        EventIndex index;
        try (Progress reading = Progress.start("Reading", EventFiles.totalBytes(files), Progress.Unit.MEGABYTES,
                quiet)) {
            index = new EventFiles(skipBadLines).index(files, reading::stepTo);
        } catch (InputException e) {
            RuleSetException rulesFailed = compiling.failure();
            return rulesFailed != null ? badRules(err, rulesFailed) : badInput(err, e);
        }
        try (index) {
            timings.mark("reading");
            RuleSet base;
            RuleSet cand;
            try {
                base = compiling.baseline();
                cand = compiling.candidate();
            } catch (RuleSetException e) {
                return badRules(err, e);
            }
            RuleSetDiff diff = RuleSetDiff.between(base, baseSources, cand, candSources);
            List<String> changes = Briefing.changes(candidate, baseline, rates, ownSources, retentionTable, diff);
            if (rates != null) {
                List<String> rateChanges = rates.changesTo(ownSources);
                console.println("tax rates in the candidate: " + (rateChanges.isEmpty() ? "no change"
                        : String.join(", ", rateChanges)));
            }
            timings.mark("rule sets");
            if (index.messages() == 0) {
                err.println(files.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "))
                        + ": no events to replay" + (index.badLines().isEmpty() ? "" : " (every line was skipped)"));
                return SimulationsCli.BAD_INPUT;
            }
            WhatIf.Result result;
            try (Progress replaying = Progress.start("Replaying", index.messages(), Progress.Unit.EVENTS, quiet)) {
                result = new WhatIf(Side.of(base), new Side(cand.version().toString(), cand, adjustment))
                        .run(index, skipBadLines, replaying::stepTo);
            } catch (InputException e) {
                return badInput(err, e);
            }
            return report(result, changes, diff, retentionTable, timings);
        }
    }

    private Integer report(WhatIf.Result result, List<String> changes, RuleSetDiff diff, RetentionTable retentionTable,
                           Timings timings) {
        PrintWriter err = spec.commandLine().getErr();
        InputFacts events = result.input();
        Comparison comparison = result.comparison();
        events.skipped().stream().limit(20).forEach(problem -> err.println("skipped " + problem));
        if (events.skipped().size() > 20) {
            err.println("... and " + (events.skipped().size() - 20) + " more skipped lines");
        }
        timings.mark("replay");
        if (retentionTable != null) {
            retentionTable.unmatchedRows().forEach(warning -> err.println("warning: " + warning));
        }
        SimulationBrief brief = Briefing.brief(changes, files, events, diff);
        try {
            Reports.writeAll(comparison, brief, events.skipped(), out);
        } catch (java.io.UncheckedIOException e) {
            err.println("cannot write the reports: " + e.getMessage() + ": " + e.getCause().getMessage());
            return SimulationsCli.BAD_INPUT;
        }
        timings.mark("reports");
        new Summary(spec.commandLine().getOut()).print(comparison, brief, events, out, timings);
        return 0;
    }

    private Integer badRules(PrintWriter err, RuleSetException e) {
        err.println("the rule set does not compile; nothing was replayed:");
        e.problems().forEach(problem -> err.println("  " + problem));
        return SimulationsCli.BAD_RULES;
    }

    private Integer badInput(PrintWriter err, InputException e) {
        e.problems().forEach(problem -> err.println(problem));
        if (!skipBadLines && e.problems().stream().anyMatch(p -> p.line() > 0)) {
            err.println("no reports were written; --skip-bad-lines counts and skips such lines");
        }
        return SimulationsCli.BAD_INPUT;
    }
}
