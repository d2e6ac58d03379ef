package io.billwright.engine.state;

import io.billwright.engine.contract.ContractId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Contract state in a map: for simulations, tests and the example command. */
public final class InMemoryContractStateStore implements ContractStateStore {

    private final ConcurrentMap<ContractId, ContractState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<ContractState> load(ContractId id) {
        return Optional.ofNullable(states.get(id));
    }

    @Override
    public void save(ContractState state) {
        states.put(state.contractId(), state.settled());
    }

    public int size() {
        return states.size();
    }
}
