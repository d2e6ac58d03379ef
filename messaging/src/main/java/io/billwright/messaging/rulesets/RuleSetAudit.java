package io.billwright.messaging.rulesets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail of rule sets: every deploy, rollback, reload, start and refused attempt. The newest live
 * deploy or rollback is what a restarted service comes back on.
 */
public interface RuleSetAudit {

    /** One attempt, as stored and as {@code GET /admin/rules/history} shows it. */
    record Entry(long id, Instant at, String actor, String action, String outcome, String fromVersion,
                 String toVersion, String toSource, String ruleSetHash, String jarSha256, String keyId,
                 String reason, List<String> findings, long millis) {
    }

    /** Stores {@code entry} and answers the id it was given. */
    long record(Entry entry);

    /** The newest {@code limit} entries, newest first. */
    List<Entry> history(int limit);

    /** The newest deploy or rollback that went live: the rule set this deployment is meant to serve. */
    default Optional<Entry> lastIntended() {
        return history(Integer.MAX_VALUE).stream()
                .filter(e -> e.outcome().equals("LIVE") && (e.action().equals("DEPLOY") || e.action().equals("ROLLBACK")))
                .findFirst();
    }
}
