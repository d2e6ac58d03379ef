package io.billwright.simulations.compare;

import static io.billwright.simulations.fixtures.ComparisonTestData.line;
import static io.billwright.simulations.fixtures.ComparisonTestData.side;
import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.rules.diff.RuleChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleImpactTest {

    private static final RuleChange CAP_CHANGED = new RuleChange(RuleChange.Kind.CHANGED,
            new RuleInfo("billwright.tm", "cap", ""), new RuleInfo("billwright.tm", "cap", ""), null, null);
    private static final RuleChange PO_ADDED = new RuleChange(RuleChange.Kind.ADDED, null,
            new RuleInfo("billwright.tm", "require-po", ""), null, null);
    private static final RuleChange OLD_REMOVED = new RuleChange(RuleChange.Kind.REMOVED,
            new RuleInfo("billwright.tm", "old-hold", ""), null, null, null);
    private static final RuleChange NEVER_FIRES = new RuleChange(RuleChange.Kind.ADDED, null,
            new RuleInfo("billwright.tm", "weekend-rate", ""), null, null);

    @Test
    void countsEachChangedItemWhoseDecisionNamesTheRuleOnEitherSideOnce() {
        List<LineChange> lines = List.of(
                line("C-1", "Cust", "TE-1", "EUR", side("ELIGIBLE", "", "100.00", "rate", "cap"),
                        side("HELD", "BUDGET_CAP_REACHED", "0.00", "rate", "cap")),
                line("C-1", "Cust", "TE-2", "EUR", side("HELD", "X", "0.00", "old-hold"),
                        side("HELD", "MISSING_PURCHASE_ORDER", "0.00", "require-po", "cap")),
                line("C-2", "Cust", "TE-3", "EUR", side("ELIGIBLE", "", "100.00", "rate"),
                        side("HELD", "MISSING_PURCHASE_ORDER", "0.00", "require-po")));

        List<RuleImpact> impacts = RuleImpact.of(List.of(CAP_CHANGED, NEVER_FIRES, PO_ADDED, OLD_REMOVED), lines);

        // added first, most items first; then removed; then changed
        assertThat(impacts).extracting(impact -> impact.change().name() + "=" + impact.items())
                .containsExactly("require-po=2", "weekend-rate=0", "old-hold=1", "cap=2");
    }

    @Test
    void noRuleChangedNoImpacts() {
        assertThat(RuleImpact.of(List.of(), List.of(line("C-1", "Cust", "TE-1", "EUR",
                side("ELIGIBLE", "", "1.00", "cap"), side("ELIGIBLE", "", "2.00", "cap"))))).isEmpty();
    }
}
