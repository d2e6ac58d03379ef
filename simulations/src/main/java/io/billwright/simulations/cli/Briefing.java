package io.billwright.simulations.cli;

import io.billwright.engine.ruleset.RuleSource;
import io.billwright.rules.diff.RuleSetDiff;
import io.billwright.simulations.input.InputFacts;
import io.billwright.simulations.overrides.RateChange;
import io.billwright.simulations.overrides.RetentionTable;
import io.billwright.simulations.overrides.TaxRateTable;
import io.billwright.simulations.report.SimulationBrief;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** What a run simulates, in words, for the reports' first screen ({@link SimulationBrief}). */
final class Briefing {

    private Briefing() {
    }

    /**
     * The candidate's changes, a sentence each: another rule folder (with how many rules it adds, removes and
     * changes), each tax rate the table changes, each retention row.
     *
     * @param ownSources the candidate's files before the tax-rate table is applied
     * @param diff       the rules that differ from the baseline's rule set to the candidate's as compiled
     */
    static List<String> changes(Path candidate, Path baseline, TaxRateTable rates, List<RuleSource> ownSources,
                                RetentionTable retention, RuleSetDiff diff) {
        List<String> changes = new ArrayList<>();
        if (candidate != null || baseline != null) {
            changes.add(folder(candidate) + " in place of " + folder(baseline) + " (rules: "
                    + diff.counts() + ")");
        }
        if (rates != null) {
            List<RateChange> rateChanges = rates.rateChanges(ownSources);
            if (rateChanges.isEmpty()) {
                changes.add("the tax-rate table changes no rate");
            }
            rateChanges.forEach(change -> changes.add(change.inWords()));
        }
        if (retention != null) {
            changes.addAll(retention.inWords());
        }
        if (changes.isEmpty()) {
            changes.add("no change: the candidate is the baseline's rule set");
        }
        return changes;
    }

    static SimulationBrief brief(List<String> changes, List<Path> files, InputFacts events, RuleSetDiff diff) {
        return new SimulationBrief(changes, files.stream().map(Path::toString).toList(), day(events.firstEvent()),
                day(events.lastEvent()), events.events(), diff.changes());
    }

    private static String folder(Path directory) {
        return directory == null ? "the packaged rule set" : "the rule folder " + directory;
    }

    private static LocalDate day(Instant time) {
        return time == null ? null : LocalDate.ofInstant(time, ZoneOffset.UTC);
    }
}
