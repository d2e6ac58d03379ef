package io.billwright.engine.event;

import io.billwright.engine.contract.ContractId;
import java.time.LocalDate;
import java.util.Objects;

/** The firm reported a milestone complete. */
public record MilestoneCompleted(EventId id, ContractId contractId, String milestoneId, LocalDate date) implements BillingEvent {
    public MilestoneCompleted {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(milestoneId, "milestoneId");
        Objects.requireNonNull(date, "date");
    }
}
