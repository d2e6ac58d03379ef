package io.billwright.engine.ruleset;

/**
 * The rules were still firing when an evaluation's time limit ran out; the session was halted between two
 * firings. The caller holds the item rather than guess.
 */
public class RuleTimeoutException extends RuleEvaluationException {
    public RuleTimeoutException(String message) {
        super(message, null);
    }
}
