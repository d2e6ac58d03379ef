package io.billwright.engine.item;

/** Anything the rules decide about: a time entry, an expense, a milestone, an instalment, a fee. */
public interface Item {
    /** The id decisions and package lines show (a time entry's own id, {@code milestone:M1}, ...). */
    String itemId();

    /** The kind the item is kept under in the contract's state (a stored name: see {@link StateKind}). */
    StateKind stateKind();

    /**
     * Where the item is kept in the contract's state: its kind and its id, so a time entry and an
     * expense that happen to share an id never overwrite each other.
     */
    default String stateKey() {
        return stateKind().key(itemId());
    }
}
