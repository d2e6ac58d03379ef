package io.billwright.simulations.cli;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.rules.diff.RuleSetDiff;
import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.input.EventFiles;
import io.billwright.simulations.input.InputException;
import io.billwright.simulations.input.LoadedEvents;
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
        RuleSet base;
        RuleSet cand;
        RuleSetDiff diff;
        List<String> changes;
        try {
            TaxRateTable rates = taxRates == null ? null : TaxRateTable.read(taxRates);
            if (retention != null) {
                retentionTable = RetentionTable.read(retention);
                adjustment = retentionTable;
            }
            List<RuleSource> baseSources = RuleSets.sources(baseline);
            List<RuleSource> ownSources = RuleSets.sources(candidate);
            List<RuleSource> candSources = rates == null ? ownSources : rates.applyTo(ownSources);
            base = RuleSets.compile(baseSources, baseline == null ? DefaultRuleSet.LABEL : "baseline");
            cand = RuleSets.compile(candSources, "candidate");
            diff = RuleSetDiff.between(base, baseSources, cand, candSources);
            changes = Briefing.changes(candidate, baseline, rates, ownSources, retentionTable, diff);
            if (rates != null) {
                List<String> rateChanges = rates.changesTo(ownSources);
                console.println("tax rates in the candidate: " + (rateChanges.isEmpty() ? "no change"
                        : String.join(", ", rateChanges)));
            }
        } catch (TableProblem e) {
            err.println(e.getMessage());
            return SimulationsCli.BAD_INPUT;
        } catch (RuleSetException e) {
            err.println("the rule set does not compile; nothing was replayed:");
            e.problems().forEach(problem -> err.println("  " + problem));
            return SimulationsCli.BAD_RULES;
        }
        timings.mark("rule sets");
        LoadedEvents events;
        try (Progress reading = Progress.start("Reading", EventFiles.totalBytes(files), Progress.Unit.MEGABYTES,
                quiet)) {
            events = new EventFiles(skipBadLines).read(files, reading::stepTo);
        } catch (InputException e) {
            e.problems().forEach(problem -> err.println(problem));
            if (!skipBadLines && e.problems().stream().anyMatch(p -> p.line() > 0)) {
                err.println("nothing was replayed; --skip-bad-lines counts and skips such lines");
            }
            return SimulationsCli.BAD_INPUT;
        }
        timings.mark("reading");
        if (events.events() == 0) {
            err.println(files.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "))
                    + ": no events to replay" + (events.skipped().isEmpty() ? "" : " (every line was skipped)"));
            return SimulationsCli.BAD_INPUT;
        }
        events.skipped().stream().limit(20).forEach(problem -> err.println("skipped " + problem));
        if (events.skipped().size() > 20) {
            err.println("... and " + (events.skipped().size() - 20) + " more skipped lines");
        }
        Comparison comparison;
        try (Progress replaying = Progress.start("Replaying", events.events(), Progress.Unit.EVENTS, quiet)) {
            comparison = new WhatIf(Side.of(base), new Side(cand.version().toString(), cand, adjustment))
                    .run(events, replaying::stepTo);
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
        new Summary(console).print(comparison, brief, events, out, timings);
        return 0;
    }
}
