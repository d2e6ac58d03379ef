package io.billwright.messaging.rulesets;

import io.billwright.engine.ruleset.lint.Finding;
import java.util.List;

/**
 * What a deploy, reload or rollback did.
 *
 * @param status   {@code LIVE} (a new version serves), {@code UNCHANGED} (it already serves), {@code REJECTED}
 *                 (a check refused it; the old version serves on), {@code NOT_FOUND} (no such release)
 * @param serving  the version that serves after the call
 * @param reason   why it was refused ({@code UNKNOWN_KEY}, {@code TAMPERED}, {@code BYTECODE}, ...), or null
 * @param findings the checks' findings, every one as {@code file:line: severity: message}
 * @param staged   a deploy found the release verified and built ahead (it only swapped)
 */
public record ReloadOutcome(String status, String serving, String reason, List<String> findings, long millis,
                            boolean staged) {

    ReloadOutcome(String status, String serving, String reason, List<String> findings, long millis) {
        this(status, serving, reason, findings, millis, false);
    }

    static ReloadOutcome of(String status, LiveRuleSet serving, List<Finding> findings, long millis) {
        return new ReloadOutcome(status, serving.version(), null, findings.stream().map(Finding::toString).toList(),
                millis);
    }

    boolean refused() {
        return status.equals("REJECTED") || status.equals("NOT_FOUND");
    }
}
