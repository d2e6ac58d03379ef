package io.billwright.engine.contract;

import io.billwright.engine.money.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One instalment of a fixed fee, billed at the first period close on or after its due date. */
public record ScheduleItem(String id, LocalDate dueDate, BigDecimal amount, String description) {
    public ScheduleItem {
        Objects.requireNonNull(id, "schedule.id");
        Objects.requireNonNull(dueDate, "schedule.dueDate");
        Objects.requireNonNull(amount, "schedule.amount");
        Amounts.requireNonNegative(amount, "schedule.amount");
        description = description == null ? "Fixed fee instalment " + id : description;
    }
}
