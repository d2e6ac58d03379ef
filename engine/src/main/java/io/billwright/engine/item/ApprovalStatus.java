package io.billwright.engine.item;

/** Where a time entry or expense stands in the firm's own approval workflow. */
public enum ApprovalStatus {
    SUBMITTED, APPROVED, REJECTED
}
