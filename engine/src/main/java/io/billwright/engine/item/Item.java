package io.billwright.engine.item;

/** Anything the rules decide about: a time entry, an expense, a milestone, an instalment, a fee. */
public interface Item {
    /** Unique within a contract; decisions and package lines refer to items by this id. */
    String itemId();
}
