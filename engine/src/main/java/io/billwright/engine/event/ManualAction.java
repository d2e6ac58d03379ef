package io.billwright.engine.event;

/** What finance decided about a held item, by hand and with a second person's approval. */
public enum ManualAction {
    /** Bill it despite the hold: eligible for the amount it was held for, billed at the next close. */
    RELEASE,
    /** Never bill it: rejected as {@code WRITTEN_OFF}. */
    WRITE_OFF
}
