package io.billwright.messaging.outbox;

/** An unsent outbox row as the relay reads it. */
public record OutboxRow(long id, int attempts, OutboxMessage message) {
}
