package io.billwright.engine.ruleset.drools;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetVersion;
import org.kie.api.KieBase;

/** A {@link RuleSet} over a knowledge base however it was built (plain DRL or the executable model). */
public final class DroolsRuleSets {

    private DroolsRuleSets() {
    }

    public static RuleSet of(KieBase base, RuleSetVersion version) {
        return new DroolsRuleSet(base, version);
    }
}
