package io.billwright.engine.ruleset;

import io.billwright.engine.decision.Decision;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A rule set that counts how often each rule fires, for coverage: every rule of this engine's rule sets
 * concludes by inserting a fact, so a rule fired once for every inference it made. Decides exactly like
 * the rule set it wraps.
 */
public final class FiringCounter implements RuleSet {

    private final RuleSet rules;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public FiringCounter(RuleSet rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public RuleSetVersion version() {
        return rules.version();
    }

    @Override
    public List<RuleInfo> rules() {
        return rules.rules();
    }

    @Override
    public Evaluation evaluate(Collection<?> facts) {
        Evaluation evaluation = rules.evaluate(facts);
        evaluation.inferences().forEach(i -> counts.computeIfAbsent(i.rule(), k -> new LongAdder()).increment());
        return evaluation;
    }

    /**
     * Counts the engine's own rules behind {@code decisions} (their receipts name them): the rule set's rules
     * are counted as they fire, the engine's as they decide.
     */
    public void countEngineRules(List<Decision> decisions) {
        for (Decision decision : decisions) {
            decision.receipt().rules().stream().filter(EngineRule::isEngineRule)
                    .forEach(rule -> counts.computeIfAbsent(rule, k -> new LongAdder()).increment());
        }
    }

    /**
     * Every rule of the rule set, in its order, then the engine's own ({@link EngineRule}), with the times
     * each fired (0 for a rule that never did).
     */
    public Map<RuleInfo, Long> firings() {
        Map<RuleInfo, Long> out = new LinkedHashMap<>();
        List<RuleInfo> all = new java.util.ArrayList<>(rules.rules());
        all.addAll(EngineRule.all());
        for (RuleInfo rule : all) {
            LongAdder count = counts.get(rule.name());
            out.put(rule, count == null ? 0L : count.sum());
        }
        return out;
    }
}
