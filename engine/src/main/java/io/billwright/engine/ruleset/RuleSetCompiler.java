package io.billwright.engine.ruleset;

import java.util.List;

/** Turns rule files into a {@link RuleSet}, or explains why it cannot. */
public interface RuleSetCompiler {

    /**
     * @throws RuleSetException listing every problem found, as {@code file:line: message}; also when the
     *                          files compile to no rule at all
     */
    RuleSet compile(List<RuleSource> sources, String label);
}
