package io.billwright.engine.item;

/** What sort of item a decision or package line is about. */
public enum ItemKind {
    TIME, SUBCONTRACTOR_TIME, EXPENSE, MILESTONE, FIXED_FEE, RETAINER_FEE, RETAINER_OVERAGE, RETENTION_RELEASE,
    CONTRACT
}
