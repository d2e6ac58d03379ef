package io.billwright.engine.ruleset;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set in force. A reload that fails leaves the previous rule set in force and reports why.
 */
public final class ActiveRuleSet {

    private final RuleSetCompiler compiler;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();

    public ActiveRuleSet(RuleSetCompiler compiler) {
        this.compiler = Objects.requireNonNull(compiler, "compiler");
    }

    /**
     * Compiles {@code sources} and, only if that succeeds, makes them the rule set in force.
     *
     * @throws RuleSetException with every problem; the rule set in force (if any) is unchanged
     */
    public RuleSet load(List<RuleSource> sources, String label) {
        RuleSet compiled = compiler.compile(sources, label);
        current.set(compiled);
        return compiled;
    }

    /** The rule set in force. */
    public RuleSet get() {
        RuleSet ruleSet = current.get();
        if (ruleSet == null) {
            throw new IllegalStateException("no rule set has been loaded");
        }
        return ruleSet;
    }
}
