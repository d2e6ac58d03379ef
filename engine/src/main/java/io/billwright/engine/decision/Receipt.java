package io.billwright.engine.decision;

import java.util.List;
import java.util.Objects;

/**
 * Why a decision or a package line came out as it did: the rule-set version, the rules that produced
 * it in the order they fired, the contract version they saw and the events the item came from.
 *
 * @param contractVersion the contract version in force, or 0 when there was none
 */
public record Receipt(String ruleSetVersion, List<String> rules, int contractVersion, List<String> sourceEventIds) {
    public Receipt {
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        rules = List.copyOf(rules);
        sourceEventIds = List.copyOf(sourceEventIds);
    }

    /** This receipt with more rules appended (for example the tax rules that priced a line). */
    public Receipt withRules(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        var all = new java.util.ArrayList<>(rules);
        more.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return new Receipt(ruleSetVersion, all, contractVersion, sourceEventIds);
    }
}
