package io.billwright.engine.ruleset;

import java.util.Objects;

/**
 * A rule set's identity: a hash of every file's path and content, plus an optional human label.
 * Two rule sets with the same files have the same hash, wherever they were loaded from.
 */
public record RuleSetVersion(String hash, String label) {
    public RuleSetVersion {
        Objects.requireNonNull(hash, "hash");
        label = label == null || label.isBlank() ? null : label;
    }

    @Override
    public String toString() {
        return label == null ? hash : label + "@" + hash;
    }
}
