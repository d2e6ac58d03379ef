package io.billwright.engine.event;

import java.util.Objects;

/** The id of the message that carried an event (the CloudEvents {@code id}). */
public record EventId(String value) {
    public EventId {
        Objects.requireNonNull(value, "event id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("event id is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
