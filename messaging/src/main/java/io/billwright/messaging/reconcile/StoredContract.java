package io.billwright.messaging.reconcile;

import java.util.Map;
import java.util.Objects;

/**
 * A contract's state as the database keeps it ({@code contract_state} and every {@code contract_item} row,
 * settled ones included).
 *
 * @param exists     the database keeps a state for it
 * @param unreadable why the stored state cannot be decoded, or null
 * @param items      every item, by key
 * @param positions  the running totals, or null when there is no readable state
 */
record StoredContract(String contractId, boolean exists, String unreadable, Map<String, ItemView> items,
                      Positions positions) {

    StoredContract {
        Objects.requireNonNull(contractId, "contractId");
        items = Map.copyOf(items);
    }

    static StoredContract none(String contractId) {
        return new StoredContract(contractId, false, null, Map.of(), null);
    }

    static StoredContract unreadable(String contractId, String why) {
        return new StoredContract(contractId, true, why, Map.of(), null);
    }
}
