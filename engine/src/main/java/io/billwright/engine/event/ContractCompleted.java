package io.billwright.engine.event;

import io.billwright.engine.contract.ContractId;
import java.time.LocalDate;
import java.util.Objects;

/** All work under a contract is done: retention is released. */
public record ContractCompleted(EventId id, ContractId contractId, LocalDate date) implements BillingEvent {
    public ContractCompleted {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(date, "date");
    }
}
