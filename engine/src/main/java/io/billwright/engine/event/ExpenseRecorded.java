package io.billwright.engine.event;

import io.billwright.engine.contract.ContractId;
import io.billwright.engine.item.Expense;
import java.util.Objects;

/** An expense was submitted, approved or rejected; a later event for the same expense id replaces it. */
public record ExpenseRecorded(EventId id, ContractId contractId, Expense expense) implements BillingEvent {
    public ExpenseRecorded {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(expense, "expense");
    }
}
