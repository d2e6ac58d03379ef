package io.billwright.engine.item;

import io.billwright.engine.money.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * An out-of-pocket cost to be re-billed.
 *
 * @param amount          as spent, in {@code currency}
 * @param convertedAmount the amount in the contract's currency when spent in another, or null
 * @param receipt         whether a receipt is attached
 * @param person          who spent it, or null: per-day limits apply per person and day
 * @param tripId          the trip it belongs to, or null: per-trip limits apply per trip
 */
public record Expense(String id, LocalDate date, String category, BigDecimal amount, Currency currency,
                      BigDecimal convertedAmount, Boolean receipt, ApprovalStatus status, String milestoneId,
                      String description, String person, String tripId) implements Item {
    public Expense {
        Objects.requireNonNull(id, "expense.id");
        Objects.requireNonNull(date, "expense.date");
        Objects.requireNonNull(category, "expense.category");
        Objects.requireNonNull(amount, "expense.amount");
        Objects.requireNonNull(currency, "expense.currency");
        Objects.requireNonNull(status, "expense.status");
        receipt = receipt == null ? Boolean.FALSE : receipt;
        amount = Amounts.normalized(amount);
        convertedAmount = Amounts.normalized(convertedAmount);
        person = person == null || person.isBlank() ? null : person;
        tripId = tripId == null || tripId.isBlank() ? null : tripId;
    }

    /** Where a per-day limit counts this expense: its person, day and category; null without a person. */
    public String dayKey() {
        return person == null ? null : "DAY|" + person + "|" + date + "|" + category;
    }

    /** Where a per-trip limit counts this expense: its trip and category; null outside a trip. */
    public String tripKey() {
        return tripId == null ? null : "TRIP|" + tripId + "|" + category;
    }

    @Override
    public String itemId() {
        return id;
    }

    /**
     * The amount in {@code contractCurrency}: the amount itself when spent in it, else the converted
     * amount, else null (the expense cannot be billed until it is converted).
     */
    public BigDecimal amountIn(Currency contractCurrency) {
        return currency.equals(contractCurrency) ? amount : convertedAmount;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    @Override
    public StateKind stateKind() {
        return StateKind.EXPENSE;
    }
}
