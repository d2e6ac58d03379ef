package io.billwright.engine.event;

import io.billwright.engine.contract.ContractId;
import io.billwright.engine.item.TimeEntry;
import java.util.Objects;

/** A time entry was submitted, approved or rejected; a later event for the same entry id replaces it. */
public record TimeEntryRecorded(EventId id, ContractId contractId, TimeEntry entry) implements BillingEvent {
    public TimeEntryRecorded {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(entry, "entry");
    }
}
