package io.billwright.messaging.reconcile;

import java.time.Instant;
import java.util.Objects;

/**
 * An {@code event_log} row: a message the service applied, as it was received.
 *
 * @param seq  its place in the log: the order it was applied in
 * @param body the CloudEvent JSON as received
 */
record LoggedEvent(long seq, String messageId, String eventType, Instant receivedAt, String body) {

    LoggedEvent {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(body, "body");
    }
}
