package io.billwright.engine.state;

import io.billwright.engine.contract.ContractId;
import java.util.Optional;

/**
 * Where contract state lives between events: memory for simulations, a database for the service.
 * Callers serialise the events of one contract (the service with a row lock); the store only loads
 * and saves.
 */
public interface ContractStateStore {

    Optional<ContractState> load(ContractId id);

    void save(ContractState state);

    default ContractState loadOrEmpty(ContractId id) {
        return load(id).orElseGet(() -> ContractState.empty(id));
    }
}
