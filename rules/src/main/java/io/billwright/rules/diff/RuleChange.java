package io.billwright.rules.diff;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.lint.RuleTexts.RuleText;
import java.util.Objects;

/**
 * One rule that differs between two rule sets.
 *
 * @param kind       added, removed or changed
 * @param before     the rule in the old rule set; null when it was added
 * @param after      the rule in the new rule set; null when it was removed
 * @param textBefore its normalised text in the old rule set (a DRL rule, or a decision table's row); null when
 *                   added or when the text is not known
 * @param textAfter  the same in the new rule set; null when removed or not known
 */
public record RuleChange(Kind kind, RuleInfo before, RuleInfo after, RuleText textBefore, RuleText textAfter) {

    /** How a rule differs. */
    public enum Kind {
        ADDED("added"), REMOVED("removed"), CHANGED("changed");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The word a reader sees: added, removed, changed. */
        public String word() {
            return word;
        }
    }

    public RuleChange {
        Objects.requireNonNull(kind, "kind");
        if ((before == null && kind != Kind.ADDED) || (after == null && kind != Kind.REMOVED)) {
            throw new IllegalArgumentException(kind + " needs the rule on both sides it exists on");
        }
    }

    /** The rule as it is now: the new rule set's, or the old one's for a removed rule. */
    private RuleInfo current() {
        return after != null ? after : before;
    }

    public String name() {
        return current().name();
    }

    public String packageName() {
        return current().packageName();
    }

    public String description() {
        return current().description();
    }

    /** The file the rule is written in, as it is now; empty when not known. */
    public String file() {
        RuleText text = after != null ? textAfter : textBefore;
        return text == null ? "" : text.file();
    }

    /** Whether the rule's text differs (a change can also be in its description or package alone). */
    public boolean textChanged() {
        return kind == Kind.CHANGED && textBefore != null && textAfter != null
                && !textBefore.text().equals(textAfter.text());
    }
}
