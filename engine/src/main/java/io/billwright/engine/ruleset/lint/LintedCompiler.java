package io.billwright.engine.ruleset.lint;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetCompiler;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSetProblem;
import io.billwright.engine.ruleset.RuleSource;
import java.util.List;
import java.util.Objects;

/**
 * A compiler that refuses a rule set the {@link RuleLint} finds errors in: the gate in front of Drools for
 * the simulator and the analysts' {@code decide}. (The service checks with the rules module's
 * {@code RuleSetCheck}: compile, the same lint, then the scenarios.)
 */
public final class LintedCompiler implements RuleSetCompiler {

    private final RuleSetCompiler compiler;
    private final RuleLint lint = new RuleLint();

    public LintedCompiler(RuleSetCompiler compiler) {
        this.compiler = Objects.requireNonNull(compiler, "compiler");
    }

    /** @throws RuleSetException with every compile problem, or else every lint error, as {@code file:line: message} */
    @Override
    public RuleSet compile(List<RuleSource> sources, String label) {
        List<Finding> unsafe = lint.check(sources, List.of()).stream().filter(Finding::isError).toList();
        if (!unsafe.isEmpty()) {
            // code that reaches the machine is refused before Drools compiles it (compiling runs no rule,
            // but nothing of such a file should get that far)
            throw new RuleSetException(problems(unsafe));
        }
        RuleSet ruleSet = compiler.compile(sources, label);
        List<Finding> errors = lint.check(sources, ruleSet.rules()).stream().filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            throw new RuleSetException(problems(errors));
        }
        return ruleSet;
    }

    private static List<RuleSetProblem> problems(List<Finding> findings) {
        return findings.stream().map(f -> new RuleSetProblem(f.file(), f.line(), f.message())).toList();
    }
}
