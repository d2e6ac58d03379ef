package io.billwright.engine.ruleset;

/** A rule failed while running (its action threw, or the rules kept firing without end). */
public class RuleEvaluationException extends RuntimeException {
    public RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
