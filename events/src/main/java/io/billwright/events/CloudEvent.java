package io.billwright.events;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The attributes of an inbound CloudEvents 1.0 structured-mode message that the service uses.
 *
 * @param id            the message id: the deduplication key
 * @param time          the {@code time} attribute, or null when the message has none
 * @param correlationId the {@code correlationid} extension, or the message id when absent; carried onto
 *                      every output
 * @param data          the {@code data} object, validated against the type's schema
 */
public record CloudEvent(String id, String source, String type, Instant time, String correlationId, JsonNode data) {
    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        correlationId = correlationId == null || correlationId.isBlank() ? id : correlationId;
    }
}
