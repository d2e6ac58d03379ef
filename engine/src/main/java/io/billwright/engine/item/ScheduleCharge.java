package io.billwright.engine.item;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A fixed-fee instalment not billed yet, seen at a period close ending {@code periodEnd}. */
public record ScheduleCharge(String scheduleId, LocalDate dueDate, BigDecimal amount, String description,
                             LocalDate periodEnd) implements Item {
    @Override
    public String itemId() {
        return "schedule:" + scheduleId;
    }

    public boolean isDue() {
        return !dueDate.isAfter(periodEnd);
    }

    @Override
    public StateKind stateKind() {
        return StateKind.SCHEDULE_CHARGE;
    }
}
