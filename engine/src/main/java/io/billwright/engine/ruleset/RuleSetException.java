package io.billwright.engine.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot be used; each problem reads {@code file:line: message}. */
public class RuleSetException extends RuntimeException {

    private final transient List<RuleSetProblem> problems;

    public RuleSetException(List<RuleSetProblem> problems) {
        super(problems.stream().map(RuleSetProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }
}
