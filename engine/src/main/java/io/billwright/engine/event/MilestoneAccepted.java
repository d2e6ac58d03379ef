package io.billwright.engine.event;

import io.billwright.engine.contract.ContractId;
import java.time.LocalDate;
import java.util.Objects;

/** The client accepted a milestone. */
public record MilestoneAccepted(EventId id, ContractId contractId, String milestoneId, LocalDate date) implements BillingEvent {
    public MilestoneAccepted {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(milestoneId, "milestoneId");
        Objects.requireNonNull(date, "date");
    }
}
