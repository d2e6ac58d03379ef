package io.billwright.events;

import java.util.Objects;

/**
 * A message that can never be processed as it is: parked with its reason, never retried.
 *
 * @param reason  what is wrong
 * @param field   the JSON path of the offending field ({@code data.timeEntry.hours}), or empty
 * @param detail  a sentence for the person who reads the dead-letter queue
 */
public final class RejectedMessage extends RuntimeException {

    private final ParkReason reason;
    private final String field;

    public RejectedMessage(ParkReason reason, String field, String detail) {
        super(detail);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field == null ? "" : field;
    }

    public ParkReason reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }
}
