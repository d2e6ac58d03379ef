package io.billwright.engine.event;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractId;
import java.util.Objects;

/** A contract version was approved, amended or otherwise (re)issued. */
public record ContractReceived(EventId id, Contract contract) implements BillingEvent {
    public ContractReceived {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contract, "contract");
    }

    @Override
    public ContractId contractId() {
        return contract.id();
    }
}
