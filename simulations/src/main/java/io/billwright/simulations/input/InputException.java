package io.billwright.simulations.input;

import java.util.List;
import java.util.stream.Collectors;

/** The input cannot be used: each problem names its file and line. Nothing was replayed. */
public final class InputException extends RuntimeException {

    private final transient List<InputProblem> problems;

    public InputException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
