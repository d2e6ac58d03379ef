package io.billwright.engine.item;

/**
 * The kind under which an item is kept in a contract's state, and in the service's {@code contract_item}
 * table: {@code TIME_ENTRY:TE-7}. A stored name, so it never follows a Java class name; renaming a
 * constant needs a migration.
 */
public enum StateKind {
    TIME_ENTRY, EXPENSE, MILESTONE, SCHEDULE_CHARGE, RETAINER_FEE, RETENTION_RELEASE, CONTRACT, EXCESS, CREDIT;

    /** The state key of the item of this kind with {@code itemId}. */
    public String key(String itemId) {
        return name() + ":" + itemId;
    }
}
