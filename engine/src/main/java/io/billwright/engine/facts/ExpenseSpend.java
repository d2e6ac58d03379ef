package io.billwright.engine.facts;

import io.billwright.engine.item.Expense;
import io.billwright.engine.state.ContractState;
import java.math.BigDecimal;

/**
 * What was already billed or found eligible beside an expense, for per-day and per-trip limits: the same
 * person's expenses of its category on its day, and its trip's of its category (amounts as charged, in the
 * contract currency, the expense itself left out).
 *
 * @param spentThatDay zero when the expense names no person
 * @param spentOnTrip  zero when the expense belongs to no trip
 */
public record ExpenseSpend(String itemId, BigDecimal spentThatDay, BigDecimal spentOnTrip) {

    public static ExpenseSpend of(Expense expense, ContractState state) {
        return new ExpenseSpend(expense.itemId(), state.expenseSpentUnder(expense.dayKey()),
                state.expenseSpentUnder(expense.tripKey()));
    }
}
