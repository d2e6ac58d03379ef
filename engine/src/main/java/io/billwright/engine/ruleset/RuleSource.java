package io.billwright.engine.ruleset;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One file of a rule set: its path relative to the rule set's root, and its bytes. */
public record RuleSource(String path, byte[] content) {
    public RuleSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        path = path.replace('\\', '/');
    }

    public static RuleSource of(String path, String text) {
        return new RuleSource(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isDrl() {
        return path.endsWith(".drl");
    }

    /** Drools reads decision tables only when named {@code *.drl.csv}, {@code *.drl.xls} or {@code *.drl.xlsx}. */
    public boolean isDecisionTable() {
        return path.endsWith(".drl.csv") || path.endsWith(".drl.xls") || path.endsWith(".drl.xlsx");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSource other && path.equals(other.path)
                && java.util.Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return path;
    }
}
