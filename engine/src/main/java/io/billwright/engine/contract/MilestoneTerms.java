package io.billwright.engine.contract;

import io.billwright.engine.money.Amounts;
import java.math.BigDecimal;
import java.util.Objects;

/** A milestone the client accepts, and the fee it releases. */
public record MilestoneTerms(String id, String name, BigDecimal amount) {
    public MilestoneTerms {
        Objects.requireNonNull(id, "milestone.id");
        Objects.requireNonNull(amount, "milestone.amount");
        Amounts.requireNonNegative(amount, "milestone.amount");
        name = name == null ? id : name;
    }
}
