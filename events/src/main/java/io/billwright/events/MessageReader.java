package io.billwright.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an inbound body into a validated, mapped message, or throws {@link RejectedMessage} naming the
 * reason and the field. The order of checks is the order of cost: size, JSON, {@code specversion},
 * {@code type}, the envelope schema, the data schema, then what only the model can check.
 */
public final class MessageReader {

    private final InboundSchemas schemas;
    private final EventDecoder decoder;
    private final int maxBytes;
    private final JsonMapper json = JsonMapper.builder().build();

    public MessageReader(InboundSchemas schemas, EventDecoder decoder, int maxBytes) {
        this.schemas = schemas;
        this.decoder = decoder;
        this.maxBytes = maxBytes;
    }

    public InboundMessage read(byte[] body) {
        if (body.length > maxBytes) {
            throw new RejectedMessage(ParkReason.OVERSIZE, "", "the body has " + body.length
                    + " bytes; the limit is " + maxBytes);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new RejectedMessage(ParkReason.MALFORMED_JSON, "", "not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new RejectedMessage(ParkReason.MALFORMED_JSON, "", "the body is not a JSON object");
        }
        JsonNode spec = root.get("specversion");
        if (spec == null || !spec.isString() || !"1.0".equals(spec.stringValue())) {
            throw new RejectedMessage(ParkReason.UNSUPPORTED_SPECVERSION, "specversion", spec == null
                    ? "specversion is missing: a CloudEvents 1.0 message needs \"specversion\": \"1.0\""
                    : "specversion " + spec + " is not supported: only \"1.0\" is");
        }
        String typeName = root.path("type").asString("");
        EventType type = EventType.of(typeName).orElseThrow(() -> new RejectedMessage(ParkReason.UNKNOWN_TYPE,
                "type", "unknown event type '" + typeName + "'"));
        InboundSchemas.Violation envelope = schemas.checkEnvelope(root);
        if (envelope != null) {
            throw new RejectedMessage(ParkReason.SCHEMA_VIOLATION, envelope.field(), envelope.message());
        }
        JsonNode data = root.get("data");
        InboundSchemas.Violation violation = schemas.checkData(type, data);
        if (violation != null) {
            throw new RejectedMessage(ParkReason.SCHEMA_VIOLATION, violation.field(), violation.message());
        }
        CloudEvent event = new CloudEvent(root.get("id").asString(), root.path("source").asString(null), typeName,
                time(root), root.path("correlationid").asString(null), data);
        EventDecoder.Decoded decoded = decoder.decode(type, event.id(), data);
        JsonNode extension = root.get(PartitionKey.HEADER);
        if (extension != null && !extension.asString("").equals(decoded.contractId().value())) {
            throw new RejectedMessage(ParkReason.NO_PARTITION_KEY, PartitionKey.HEADER, "the CloudEvents extension"
                    + " 'partitionkey' is " + extension + " but the message is about contract '"
                    + decoded.contractId().value()
                    + "': the key must be the contract id");
        }
        return new InboundMessage(event, type, decoded.event(), decoded.contractId(), decoded.businessKey(),
                hash(data), new String(body, StandardCharsets.UTF_8));
    }

    /** The {@code time} attribute (its pattern is checked by the envelope schema; the calendar is checked here). */
    private static Instant time(JsonNode root) {
        String time = root.path("time").asString(null);
        try {
            return time == null ? null : EventTime.parse(time);
        } catch (DateTimeParseException e) {
            throw new RejectedMessage(ParkReason.INVALID_DATA, "time", "time: '" + time + "' is not a valid instant");
        }
    }

    /** SHA-256 of the data with object keys sorted, so key order never makes a resend look new. */
    private String hash(JsonNode data) {
        return HexFormat.of().formatHex(SHA_256.get().digest(json.writeValueAsBytes(canonical(data))));
    }

    /** One digest per thread: looking the algorithm up costs as much as hashing a message. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static Object canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                sorted.put(entry.getKey(), canonical(entry.getValue()));
            }
            return sorted;
        }
        if (node.isArray()) {
            java.util.List<Object> items = new java.util.ArrayList<>();
            node.forEach(item -> items.add(canonical(item)));
            return items;
        }
        return node;
    }
}
