package io.billwright.engine.contract;

/** Only {@link #APPROVED} versions ever apply to billing. */
public enum ContractStatus {
    DRAFT, PENDING_APPROVAL, APPROVED, CANCELLED
}
