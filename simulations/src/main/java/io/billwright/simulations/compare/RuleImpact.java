package io.billwright.simulations.compare;

import io.billwright.rules.diff.RuleChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A rule added, removed or changed, and how many items it affected: an item is affected by a rule when the rule
 * is named in the receipt of the item's decision on either side and the item's decision changed (it is a
 * {@link LineChange}). A rule that acts on invoices rather than items (a tax rate) can change invoices and affect
 * no item.
 *
 * @param items the changed items whose decision names the rule, on either side
 */
public record RuleImpact(RuleChange change, long items) {

    public RuleImpact {
        Objects.requireNonNull(change, "change");
        if (items < 0) {
            throw new IllegalArgumentException("a negative count of items: " + items);
        }
    }

    /**
     * Every changed rule with the items it affected: added, then removed, then changed rules, each kind in order
     * of the items affected, most first (rules affecting as many items keep their order).
     */
    public static List<RuleImpact> of(List<RuleChange> changes, List<LineChange> lines) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Map<String, Long> counts = new HashMap<>();
        changes.forEach(change -> counts.put(change.name(), 0L));
        Set<String> named = new HashSet<>();
        for (LineChange line : lines) {
            named.clear();
            named.addAll(line.baseline().rules());
            named.addAll(line.candidate().rules());
            for (String rule : named) {
                counts.computeIfPresent(rule, (name, count) -> count + 1);
            }
        }
        List<RuleImpact> impacts = new ArrayList<>(changes.size());
        changes.forEach(change -> impacts.add(new RuleImpact(change, counts.get(change.name()))));
        impacts.sort(Comparator.comparing((RuleImpact impact) -> impact.change().kind())
                .thenComparing(Comparator.comparingLong(RuleImpact::items).reversed()));
        return List.copyOf(impacts);
    }
}
