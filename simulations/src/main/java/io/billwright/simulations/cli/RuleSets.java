package io.billwright.simulations.cli;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.RuleSources;
import io.billwright.rules.DefaultRuleSet;
import java.nio.file.Path;
import java.util.List;

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
}
