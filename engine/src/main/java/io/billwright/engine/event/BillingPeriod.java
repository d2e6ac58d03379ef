package io.billwright.engine.event;

import java.time.LocalDate;
import java.util.Objects;

/** A billing period, for example {@code 2026-09} from 1 to 30 September. */
public record BillingPeriod(String id, LocalDate start, LocalDate end) {
    public BillingPeriod {
        Objects.requireNonNull(id, "period.id");
        Objects.requireNonNull(start, "period.start");
        Objects.requireNonNull(end, "period.end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period " + id + " ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
