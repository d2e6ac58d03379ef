package io.billwright.engine.decision;

/** Why an item is held, rejected or tracked. Codes are part of the outbound contract: only add, never rename. */
public enum ReasonCode {
    // held: something must happen first
    AWAITING_CONTRACT, AWAITING_APPROVAL, CAP_EXCEEDED, MISSING_RECEIPT, CURRENCY_MISMATCH, AWAITING_ACCEPTANCE,
    LINKED_ITEMS_NOT_APPROVED, NO_RATE_FOR_ROLE, MISSING_COST_RATE, RETAINER_HOURS_EXHAUSTED, TAX_RATE_MISSING,
    TAX_RULES_CONFLICT,
    NO_RULE_MATCHED,
    /** The rules kept firing past the rule set's time limit for one item: held, never guessed. */
    RULE_TIMEOUT,
    /** Two rules each priced the item: charges from different rules are never added up (ADR 0011). */
    CHARGE_RULES_CONFLICT,
    // rejected: never billed
    REJECTED_BY_APPROVER, NON_BILLABLE, CATEGORY_NOT_BILLABLE, OVER_CATEGORY_LIMIT, NEGATIVE_AMOUNT,
    TOO_MANY_DECIMALS, UNKNOWN_BILLING_MODEL, UNKNOWN_MILESTONE, ALREADY_BILLED,
    /** The part of an expense over its category's per-person, per-day limit (per diem). */
    OVER_DAILY_LIMIT,
    /** The part of an expense over its category's per-trip limit. */
    OVER_TRIP_LIMIT,
    STALE_CONTRACT_VERSION,
    /** A business customer in another EU member state gave no VAT id in its country's format: no reverse charge. */
    INVALID_VAT_ID,
    /** A correction of a billed item is held for a person to review (a settlement rule said so). */
    CORRECTION_REVIEW,
    // tracked: recorded, covered by another charge
    INCLUDED_IN_FIXED_FEE, INCLUDED_IN_MILESTONE, INCLUDED_IN_RETAINER,
    /** A correction of a billed item too small to credit: the invoice stands. */
    CORRECTION_IGNORED,
    /** Eligible for credit: part or all of an invoiced line goes on the next credit note. */
    CREDITED,
    // rejected by people
    /** Finance wrote a held item off, with a second person's approval (a manual decision): never billed. */
    WRITTEN_OFF
}
