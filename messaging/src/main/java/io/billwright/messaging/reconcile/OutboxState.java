package io.billwright.messaging.reconcile;

import java.time.Instant;
import java.util.Objects;

/**
 * An {@code outbox} row: a message handed to the relay, and how far publishing it got.
 *
 * @param messageId the package id, for a package
 * @param sentAt    when the broker confirmed it, or null
 * @param parkedAt  when the relay gave up on it, or null
 * @param lastError why the last attempt failed, or null
 */
record OutboxState(String messageId, Instant createdAt, Instant sentAt, Instant parkedAt, int attempts,
                   String lastError) {

    OutboxState {
        Objects.requireNonNull(messageId, "messageId");
    }

    boolean sent() {
        return sentAt != null;
    }

    boolean parked() {
        return parkedAt != null;
    }
}
