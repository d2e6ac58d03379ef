package io.billwright.engine.facts;

/** How a correction to a billed item is settled. */
public enum SettlementMethod {
    /** Credit the line as billed in full, and bill the item as it is now on the next invoice. */
    CREDIT_AND_REBILL,
    /** Credit only what the item is now worth less (an increase is credited in full and billed again). */
    CREDIT_DIFFERENCE,
    /** Hold the correction for a person to look at; nothing is credited or billed meanwhile. */
    HOLD_FOR_REVIEW,
    /** Leave the invoice as it is: the change is too small to be worth a credit note. */
    IGNORE
}
