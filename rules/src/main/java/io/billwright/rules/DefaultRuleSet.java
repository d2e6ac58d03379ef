package io.billwright.rules;


import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetCompiler;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.RuleSources;
import io.billwright.engine.ruleset.drools.model.ModelRuleSetCompiler;
import io.billwright.engine.ruleset.lint.LintedCompiler;
import java.nio.file.Path;
import java.util.List;

/** The rule set Billwright ships: DRL files and decision tables under {@code billwright/rules} on the class path. */
public final class DefaultRuleSet {

    /** Where the default rule set lives on the class path. */
    public static final String CLASSPATH_ROOT = "billwright/rules";
    public static final String LABEL = "default";
    /** Where the default rule set's scenarios live on the class path. */
    public static final String SCENARIOS_ROOT = "billwright/scenarios";

    private DefaultRuleSet() {
    }

    public static List<RuleSource> sources() {
        return RuleSources.fromClasspath(CLASSPATH_ROOT, DefaultRuleSet.class.getClassLoader());
    }

    /**
     * The compiler every rule set goes through: the lint for its friendly messages, then Drools' executable
     * model behind the bytecode check (see {@link ModelRuleSetCompiler}).
     */
    public static RuleSetCompiler compiler() {
        return new LintedCompiler(new ModelRuleSetCompiler());
    }

    /** Compiles the packaged default rule set. */
    public static RuleSet load() {
        return compiler().compile(sources(), LABEL);
    }

    /**
     * Compiles the rule set in {@code directory} (an analyst's working copy or a candidate).
     *
     * @throws RuleSetException listing every problem as {@code file:line: message}
     */
    public static RuleSet loadFrom(Path directory, String label) {
        return compiler().compile(RuleSources.fromDirectory(directory), label);
    }
}
