package io.billwright.engine.ruleset;

import java.util.Collection;
import java.util.List;

/**
 * A compiled, versioned rule set: the engine's only way to reach the rules. Implementations are
 * thread-safe; every {@link #evaluate} call is independent of every other.
 */
public interface RuleSet {

    RuleSetVersion version();

    /** Every rule, with its description, in a stable order. */
    List<RuleInfo> rules();

    /**
     * Inserts {@code facts}, fires the rules, and returns what the rules inserted in firing order.
     *
     * @throws RuleTimeoutException when the rules are still firing after the time limit
     * @throws RuleEvaluationException when a rule fails, or fires without settling
     */
    Evaluation evaluate(Collection<?> facts);

    /** The same rules, stopping an evaluation that fires for longer than {@code limit}. */
    default RuleSet withTimeLimit(java.time.Duration limit) {
        return this;
    }
}
