package io.billwright.engine.contract;

import io.billwright.engine.money.Amounts;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Which expenses are re-billed, and how.
 *
 * @param billableCategories categories that may be re-billed; anything else is rejected
 * @param receiptThreshold   above this amount a receipt is required, or null for never
 * @param categoryLimits     the most re-billed per expense in a category; the excess is rejected
 * @param markupPercent      pass-through markup, or null for at cost
 * @param dailyLimits        the most re-billed per person and day in a category (a per diem), at cost; the
 *                           excess is rejected
 * @param tripLimits         the most re-billed per trip in a category, at cost; the excess is rejected
 */
public record ExpensePolicy(Set<String> billableCategories, BigDecimal receiptThreshold,
                            Map<String, BigDecimal> categoryLimits, BigDecimal markupPercent,
                            Map<String, BigDecimal> dailyLimits, Map<String, BigDecimal> tripLimits) {
    public ExpensePolicy {
        billableCategories = billableCategories == null ? Set.of() : Set.copyOf(billableCategories);
        categoryLimits = categoryLimits == null ? Map.of() : Map.copyOf(categoryLimits);
        dailyLimits = dailyLimits == null ? Map.of() : Map.copyOf(dailyLimits);
        tripLimits = tripLimits == null ? Map.of() : Map.copyOf(tripLimits);
        dailyLimits.forEach((category, limit) -> Amounts.requireNonNegative(limit, "expensePolicy.dailyLimits." + category));
        tripLimits.forEach((category, limit) -> Amounts.requireNonNegative(limit, "expensePolicy.tripLimits." + category));
        Amounts.requireNonNegative(receiptThreshold, "expensePolicy.receiptThreshold");
        Amounts.requireNonNegative(markupPercent, "expensePolicy.markupPercent");
        categoryLimits.forEach((category, limit) -> Amounts.requireNonNegative(limit, "expensePolicy.categoryLimits." + category));
    }

    public static ExpensePolicy none() {
        return new ExpensePolicy(Set.of(), null, Map.of(), null, Map.of(), Map.of());
    }

    public boolean isBillable(String category) {
        return billableCategories.contains(category);
    }

    /** The per-expense limit for a category, or null when there is none. */
    public BigDecimal limitFor(String category) {
        return categoryLimits.get(category);
    }

    /** The per-person, per-day limit for a category, or null when there is none. */
    public BigDecimal dailyLimitFor(String category) {
        return dailyLimits.get(category);
    }

    /** The per-trip limit for a category, or null when there is none. */
    public BigDecimal tripLimitFor(String category) {
        return tripLimits.get(category);
    }

    public boolean requiresReceipt(BigDecimal amount) {
        return receiptThreshold != null && amount.compareTo(receiptThreshold) > 0;
    }
}
