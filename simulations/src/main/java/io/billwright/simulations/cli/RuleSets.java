package io.billwright.simulations.cli;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.RuleSources;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.simulations.overrides.TaxRateTable;
import java.nio.file.Path;
import java.util.List;

/** The baseline and candidate rule sets of a run, compiled from a folder or the packaged default. */
final class RuleSets {

    private RuleSets() {
    }

    static RuleSet baseline(Path directory) {
        return directory == null ? DefaultRuleSet.load() : DefaultRuleSet.loadFrom(directory, "baseline");
    }

    /**
     * The candidate: a folder (or, when none is given, the default rule set) with an optional tax-rate table
     * in place of its own.
     */
    static RuleSet candidate(Path directory, TaxRateTable taxRates) {
        List<RuleSource> sources = candidateSources(directory);
        if (taxRates != null) {
            sources = taxRates.applyTo(sources);
        }
        return DefaultRuleSet.compiler().compile(sources, "candidate");
    }

    /** The candidate's own files: the folder's, or the packaged rule set's. */
    static List<RuleSource> candidateSources(Path directory) {
        return directory == null ? DefaultRuleSet.sources() : RuleSources.fromDirectory(directory);
    }
}
