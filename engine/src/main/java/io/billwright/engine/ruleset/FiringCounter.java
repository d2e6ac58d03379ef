package io.billwright.engine.ruleset;

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

    /** Every rule of the rule set, in its order, with the times it fired (0 for a rule no call fired). */
    public Map<RuleInfo, Long> firings() {
        Map<RuleInfo, Long> out = new LinkedHashMap<>();
        for (RuleInfo rule : rules.rules()) {
            LongAdder count = counts.get(rule.name());
            out.put(rule, count == null ? 0L : count.sum());
        }
        return out;
    }
}
