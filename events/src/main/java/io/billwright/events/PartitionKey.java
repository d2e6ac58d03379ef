package io.billwright.events;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key that keeps one contract's messages in order: its contract id, carried by the publisher as the
 * AMQP header {@value #HEADER} (which the broker's consistent-hash exchange hashes to pick the message's
 * partition) and, optionally, as the CloudEvents partitioning extension {@code partitionkey} in the body.
 * A message whose key is missing or names another contract could sit in another partition than its
 * contract's other messages, so it is parked as {@link ParkReason#NO_PARTITION_KEY}, never applied out of
 * order.
 */
public final class PartitionKey {

    /** The AMQP header, and the CloudEvents extension attribute, that carries the key. */
    public static final String HEADER = "partitionkey";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PartitionKey() {
    }

    /**
     * The key a publisher should send with a CloudEvent body: its contract id ({@code data.id} of a contract,
     * {@code data.contractId} of everything else), or null if it has none.
     */
    public static String of(byte[] body) {
        try {
            return of(JSON.readTree(body));
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /** The key of a parsed CloudEvent (see {@link #of(byte[])}), or null if it has none. */
    public static String of(JsonNode root) {
        if (root == null) {
            return null;
        }
        boolean contract = EventType.CONTRACT_RECEIVED.type().equals(root.path("type").asString(""));
        JsonNode contractId = root.path("data").path(contract ? "id" : "contractId");
        return contractId.isString() && !contractId.stringValue().isBlank() ? contractId.stringValue() : null;
    }

    /**
     * Checks the key the message travelled with against the contract it is about.
     *
     * @param headers the message's AMQP headers
     * @throws RejectedMessage {@code NO_PARTITION_KEY} when the header is missing or names another contract
     */
    public static void check(Map<String, Object> headers, InboundMessage message) {
        Object header = headers == null ? null : headers.get(HEADER);
        String contract = message.contractId().value();
        if (header == null || header.toString().isBlank()) {
            throw new RejectedMessage(ParkReason.NO_PARTITION_KEY, HEADER, "the AMQP header '" + HEADER
                    + "' is missing: publish every message with it set to its contract id ('" + contract
                    + "'), so the broker keeps the contract's messages in one partition, in order");
        }
        if (!header.toString().equals(contract)) {
            throw new RejectedMessage(ParkReason.NO_PARTITION_KEY, HEADER, "the AMQP header '" + HEADER + "' is '"
                    + header + "' but the message is about contract '" + contract + "': the key must be the"
                    + " contract id, or the message can overtake or be overtaken by the contract's others");
        }
    }
}
