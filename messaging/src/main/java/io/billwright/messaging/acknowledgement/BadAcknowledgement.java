package io.billwright.messaging.acknowledgement;

/** An acknowledgement that cannot be recorded: why, and the field at fault ({@code data.packageId}). */
public final class BadAcknowledgement extends RuntimeException {

    private final String reason;
    private final String field;

    public BadAcknowledgement(String reason, String field, String detail) {
        super(detail);
        this.reason = reason;
        this.field = field;
    }

    /** {@code INVALID_ACKNOWLEDGEMENT} or {@code UNKNOWN_PACKAGE}: the dead-letter reason header. */
    public String reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
