package io.billwright.messaging.erp;

import java.util.Objects;

/**
 * What completed the package.
 *
 * @param kind {@code PERIOD_CLOSE}, {@code MILESTONE_ACCEPTANCE}, {@code RETAINER_PERIOD_START},
 *             {@code RETENTION_RELEASE} or {@code CREDIT_NOTE}
 * @param key  the period, milestone or retainer period; {@code completion} for a retention release;
 *             {@code <period>/<invoice package id>} for a credit note
 */
public record PackageTrigger(String kind, String key) {
    public PackageTrigger {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }
}
