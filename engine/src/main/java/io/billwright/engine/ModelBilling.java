package io.billwright.engine;

import io.billwright.engine.contract.BillingModel;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.event.BillingPeriod;
import io.billwright.engine.item.Item;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.state.ContractState;
import java.util.List;

/**
 * What one billing model adds to the path every event takes. The engine asks the contract's model (through
 * {@link BillingModels}) and never tests which model it is, so a new model is one class implementing this,
 * registered in {@link BillingModels}, and its rules. What the rules decide (the price of an hour, what a
 * fixed fee covers) stays in the rules; this is only what happens when, and what the rules are shown.
 */
interface ModelBilling {

    BillingModel model();

    /** The contract's first approved version arrived (a retainer bills its first period in advance). */
    default void started(Step step, Contract contract) {
    }

    /**
     * A period is closing, before its invoice is assembled: what the model decides at a close (instalments
     * that fell due, the next retainer fee and the hours rolled over).
     */
    default void closing(Step step, Contract contract, BillingPeriod period) {
    }

    /** The kind a time entry bills as under this model. */
    default ItemKind timeKind() {
        return ItemKind.TIME;
    }

    /** Positions the rules see beside an item, besides the contract-wide cap (a retainer's hours left). */
    default List<Object> positions(Item item, Contract contract, ContractState state) {
        return List.of();
    }

    /**
     * Whether the time entries of one month decide each other (a retainer's included hours go to the first
     * entries): then a correction of one entry decides the others of its month again.
     */
    default boolean entriesShareTheirMonth() {
        return false;
    }
}
