package io.billwright.messaging.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which rule set was in force when, from the audit trail ({@code rule_set_audit}): every start, deploy,
 * rollback, follow and reload that put a version live, in the order recorded. It answers for the messages
 * whose decisions name no rule set (a message that decided nothing).
 */
final class RuleSetTimeline {

    /** A version put live at a moment. */
    record Live(Instant at, String version) {
        Live {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(version, "version");
        }
    }

    static final RuleSetTimeline EMPTY = new RuleSetTimeline(List.of());

    private final List<Live> entries;

    /** @param entries in the order the trail recorded them */
    RuleSetTimeline(List<Live> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The version the newest entry at or before {@code at} put live, or null when none was recorded by then. */
    String inForceAt(Instant at) {
        String version = null;
        for (Live entry : entries) {
            if (!entry.at().isAfter(at)) {
                version = entry.version();
            }
        }
        return version;
    }

    /** Builds a timeline in recording order. */
    static final class Builder {
        private final List<Live> entries = new ArrayList<>();

        Builder add(Instant at, String version) {
            entries.add(new Live(at, version));
            return this;
        }

        RuleSetTimeline build() {
            return new RuleSetTimeline(entries);
        }
    }
}
