package io.billwright.engine.billing;

import java.util.Objects;

/**
 * What completed a package: a period close, a milestone acceptance, a retainer period start, the release of
 * retention, or corrections credited against an invoice (a credit note).
 */
public record Trigger(Kind kind, String key) {
    public enum Kind { PERIOD_CLOSE, MILESTONE_ACCEPTANCE, RETAINER_PERIOD_START, RETENTION_RELEASE, CREDIT_NOTE }

    public Trigger {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }

    public static Trigger periodClose(String periodId) {
        return new Trigger(Kind.PERIOD_CLOSE, periodId);
    }

    public static Trigger milestone(String milestoneId) {
        return new Trigger(Kind.MILESTONE_ACCEPTANCE, milestoneId);
    }

    public static Trigger retainerStart(String period) {
        return new Trigger(Kind.RETAINER_PERIOD_START, period);
    }

    /** The credit note a period close issues against one invoice: {@code 2026-03/PKG-...}. */
    public static Trigger creditNote(String periodId, PackageId invoice) {
        return new Trigger(Kind.CREDIT_NOTE, periodId + "/" + invoice.value());
    }

    public static Trigger retentionRelease() {
        return new Trigger(Kind.RETENTION_RELEASE, "completion");
    }

    @Override
    public String toString() {
        return kind + ":" + key;
    }
}
