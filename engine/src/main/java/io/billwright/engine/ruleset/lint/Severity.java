package io.billwright.engine.ruleset.lint;

/** How much a finding matters: an error keeps a rule set from going live, a warning does not. */
public enum Severity {
    ERROR, WARNING;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
