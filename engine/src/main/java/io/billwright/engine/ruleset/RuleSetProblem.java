package io.billwright.engine.ruleset;

/** A problem in a rule set, located as precisely as the compiler allows ({@code line} 0 when unknown). */
public record RuleSetProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return (file == null ? "<rule set>" : file) + ":" + line + ": " + message;
    }
}
