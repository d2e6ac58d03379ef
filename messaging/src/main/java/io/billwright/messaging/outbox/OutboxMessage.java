package io.billwright.messaging.outbox;

import java.util.Objects;

/**
 * A message to publish once the transaction that wrote it commits.
 *
 * @param messageId the CloudEvents id and AMQP message id: for a package, the package id
 * @param type      the CloudEvents type
 * @param body      the CloudEvents structured JSON
 */
public record OutboxMessage(String messageId, String exchange, String routingKey, String correlationId, String type,
                            String body) {
    public OutboxMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
    }

    /** An invoice or credit note for the ERP exchange, rather than an exception notice; its id is the package id. */
    public boolean isPackage() {
        return !type.startsWith("io.billwright.decision.");
    }
}
