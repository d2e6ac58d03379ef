package io.billwright.messaging.rulesets;

import io.billwright.engine.ruleset.lint.Finding;
import java.util.List;

/**
 * What a reload or a rollback did.
 *
 * @param status   {@code LIVE} (a new version serves), {@code UNCHANGED} (the files are the version that
 *                 serves), {@code REJECTED} (the candidate failed a check; the old version serves on)
 * @param serving  the version that serves after the call
 * @param findings the checks' findings, every one as {@code file:line: severity: message}
 */
public record ReloadOutcome(String status, String serving, List<String> findings, long millis) {

    static ReloadOutcome of(String status, LiveRuleSet serving, List<Finding> findings, long millis) {
        return new ReloadOutcome(status, serving.version(), findings.stream().map(Finding::toString).toList(), millis);
    }
}
