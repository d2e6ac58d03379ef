package io.billwright.simulations.generate;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An expense as the expense system holds it; its messages differ in status and in whether a receipt is attached.
 *
 * @param convertedAmount the amount in the contract currency when paid in another, or null
 * @param milestoneId     the milestone the expense belongs to, or null
 * @param person          who spent it (per-day limits count per person and day)
 * @param tripId          the trip it belongs to (per-trip limits count per trip), or null
 */
record ExpenseLine(String id, String date, String category, BigDecimal amount, Currency currency,
                   BigDecimal convertedAmount, String milestoneId, String description, String person,
                   String tripId) {
}
