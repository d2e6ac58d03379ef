package io.billwright.events;

import io.billwright.engine.contract.ContractId;
import io.billwright.engine.event.BillingEvent;
import java.util.Objects;

/**
 * A validated inbound message, mapped to the engine's event.
 *
 * @param businessKey  what the message is about, whatever its id ({@code timeentry:C-1:TE-7}): the same
 *                     item under a new message id is recognised by it
 * @param contentHash  a hash of the canonical {@code data}: an identical resend is a duplicate, a changed
 *                     one is a correction
 * @param body         the message body exactly as received (kept in the event log)
 */
public record InboundMessage(CloudEvent envelope, EventType type, BillingEvent event, ContractId contractId,
                             String businessKey, String contentHash, String body) {
    public InboundMessage {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(businessKey, "businessKey");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    public String messageId() {
        return envelope.id();
    }

    /** The CloudEvents {@code time}, or null when the message has none. */
    public java.time.Instant time() {
        return envelope.time();
    }

    public String correlationId() {
        return envelope.correlationId();
    }

    /**
     * A hash of what names the event besides its id: its {@code source} and {@code type}. A broker's
     * redelivery repeats them; the same id from another source, or as another type, is another event
     * under a reused id, whatever its data.
     */
    public String envelopeHash() {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(envelope.source()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(envelope.type()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
