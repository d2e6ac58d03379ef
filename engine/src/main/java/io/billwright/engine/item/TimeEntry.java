package io.billwright.engine.item;

import io.billwright.engine.money.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Hours worked by one person on one day.
 *
 * @param billable     false for internal or goodwill time
 * @param milestoneId  the milestone this work belongs to, or null
 * @param subcontractor true when the hours were bought from a subcontractor
 * @param costRate     the subcontractor's hourly cost, for pass-through at cost plus markup
 */
public record TimeEntry(String id, String person, String role, LocalDate date, BigDecimal hours, Boolean billable,
                        ApprovalStatus status, String milestoneId, Boolean subcontractor, BigDecimal costRate,
                        String description) implements Item {
    public TimeEntry {
        Objects.requireNonNull(id, "timeEntry.id");
        Objects.requireNonNull(date, "timeEntry.date");
        Objects.requireNonNull(hours, "timeEntry.hours");
        Objects.requireNonNull(status, "timeEntry.status");
        billable = billable == null ? Boolean.TRUE : billable;
        hours = Amounts.normalized(hours);
        costRate = Amounts.normalized(costRate);
        subcontractor = subcontractor == null ? Boolean.FALSE : subcontractor;
    }

    @Override
    public String itemId() {
        return id;
    }

    public boolean isSubcontracted() {
        return subcontractor;
    }

    @Override
    public StateKind stateKind() {
        return StateKind.TIME_ENTRY;
    }
}
