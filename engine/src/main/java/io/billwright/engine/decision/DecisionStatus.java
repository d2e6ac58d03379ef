package io.billwright.engine.decision;

/** What Billwright concluded about an item. */
public enum DecisionStatus {
    /** May be invoiced; goes into the next package its trigger completes. */
    ELIGIBLE,
    /** Not invoiced yet; the reason says what must happen first. Decided again when that happens. */
    HELD,
    /** Never invoiced; the reason says why. */
    REJECTED,
    /** Recorded but never invoiced on its own (hours under a fixed fee, milestone or retainer). */
    TRACKED
}
