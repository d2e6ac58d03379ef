package io.billwright.messaging.rulesets;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A rule set that has gone live: its engine, where it came from, its files and rules, and when it went live.
 *
 * @param origin       the folder it was read from, or {@code classpath:billwright/rules} for the packaged set
 * @param descriptions every rule's description by name (a decision-table rule's is its table's notes)
 */
public record LiveRuleSet(RuleSet ruleSet, BillingEngine engine, String origin, List<String> files,
                          java.util.Map<String, String> descriptions, Instant liveSince) {

    public LiveRuleSet {
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(engine, "engine");
        files = List.copyOf(files);
        descriptions = java.util.Map.copyOf(descriptions);
    }

    public String version() {
        return ruleSet.version().toString();
    }

    public List<RuleInfo> rules() {
        return ruleSet.rules();
    }

    LiveRuleSet wentLiveAt(Instant at) {
        return new LiveRuleSet(ruleSet, engine, origin, files, descriptions, at);
    }
}
