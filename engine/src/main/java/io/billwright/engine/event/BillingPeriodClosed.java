package io.billwright.engine.event;

import io.billwright.engine.contract.ContractId;
import java.util.Objects;

/** A contract's billing period closed: what is eligible and dated up to its end is packaged. */
public record BillingPeriodClosed(EventId id, ContractId contractId, BillingPeriod period) implements BillingEvent {
    public BillingPeriodClosed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(period, "period");
    }
}
