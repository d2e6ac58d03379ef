package io.billwright.engine.eligibility;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.item.Item;
import io.billwright.engine.state.ContractState;
import java.util.List;

/** The positions a contract's billing model shows the rules beside an item (a retainer's hours left). */
@FunctionalInterface
public interface ModelPositions {

    /** No model adds anything. */
    ModelPositions NONE = (item, contract, state) -> List.of();

    List<Object> of(Item item, Contract contract, ContractState state);
}
