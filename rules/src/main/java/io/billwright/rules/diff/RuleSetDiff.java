package io.billwright.rules.diff;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.lint.RuleTexts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules added, removed and changed between two rule sets, matched by name: added in the new rule set's
 * order, then removed in the old one's, then changed in the new one's. A rule is changed when its text
 * (whitespace and comments aside), its description or its package differs. {@code rules diff} prints it; the
 * what-if reports list it.
 *
 * @param changes   every rule that differs
 * @param unchanged how many of the new rule set's rules are the same as before
 */
public record RuleSetDiff(List<RuleChange> changes, int unchanged) {

    public RuleSetDiff {
        changes = List.copyOf(changes);
    }

    /** Compares two compiled rule sets; their sources give the rules' texts. */
    public static RuleSetDiff between(RuleSet before, List<RuleSource> beforeSources, RuleSet after,
                                      List<RuleSource> afterSources) {
        return between(before.rules(), beforeSources, after.rules(), afterSources);
    }

    /** Compares two rule sets' rules; their sources give the rules' texts. */
    public static RuleSetDiff between(List<RuleInfo> beforeRules, List<RuleSource> beforeSources,
                                      List<RuleInfo> afterRules, List<RuleSource> afterSources) {
        Map<String, RuleInfo> before = byName(beforeRules);
        Map<String, RuleInfo> after = byName(afterRules);
        Map<String, RuleTexts.RuleText> textsBefore = RuleTexts.of(beforeSources);
        Map<String, RuleTexts.RuleText> textsAfter = RuleTexts.of(afterSources);
        List<RuleChange> changes = new ArrayList<>();
        after.values().stream().filter(rule -> !before.containsKey(rule.name())).forEach(rule -> changes.add(
                new RuleChange(RuleChange.Kind.ADDED, null, rule, null, textsAfter.get(rule.name()))));
        before.values().stream().filter(rule -> !after.containsKey(rule.name())).forEach(rule -> changes.add(
                new RuleChange(RuleChange.Kind.REMOVED, rule, null, textsBefore.get(rule.name()), null)));
        int unchanged = 0;
        for (RuleInfo rule : after.values()) {
            RuleInfo old = before.get(rule.name());
            if (old == null) {
                continue;
            }
            RuleTexts.RuleText was = textsBefore.get(rule.name());
            RuleTexts.RuleText now = textsAfter.get(rule.name());
            if (!Objects.equals(textOf(was), textOf(now)) || !old.description().equals(rule.description())
                    || !old.packageName().equals(rule.packageName())) {
                changes.add(new RuleChange(RuleChange.Kind.CHANGED, old, rule, was, now));
            } else {
                unchanged++;
            }
        }
        return new RuleSetDiff(changes, unchanged);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public long count(RuleChange.Kind kind) {
        return changes.stream().filter(change -> change.kind() == kind).count();
    }

    /** {@code 1 added, 1 removed, 2 changed}. */
    public String counts() {
        return count(RuleChange.Kind.ADDED) + " added, " + count(RuleChange.Kind.REMOVED) + " removed, "
                + count(RuleChange.Kind.CHANGED) + " changed";
    }

    private static Map<String, RuleInfo> byName(List<RuleInfo> rules) {
        Map<String, RuleInfo> out = new LinkedHashMap<>();
        rules.forEach(rule -> out.put(rule.name(), rule));
        return out;
    }

    private static String textOf(RuleTexts.RuleText text) {
        return text == null ? null : text.text();
    }
}
