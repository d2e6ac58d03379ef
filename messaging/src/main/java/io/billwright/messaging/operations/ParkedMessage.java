package io.billwright.messaging.operations;

/**
 * A message on the dead-letter queue as the workbench lists it: why it was parked and where it came from.
 *
 * @param messageId     the AMQP message id (or the id the service read from the body), empty when none
 * @param reason        {@code x-billwright-reason}, or {@code REJECTED_BY_CONSUMER} for a message a connector
 *                      rejected from its queue (the broker dead-lettered it)
 * @param originalQueue where a replay sends it back to, empty when unknown (it cannot be replayed then)
 * @param contractId    the {@code partitionkey} header, empty when none
 * @param replays       how often it was replayed before
 */
public record ParkedMessage(String messageId, String type, String reason, String field, String detail,
                            String originalQueue, String parkedAt, String contractId, int replays, int bodyBytes,
                            String bodyPreview) {
}
