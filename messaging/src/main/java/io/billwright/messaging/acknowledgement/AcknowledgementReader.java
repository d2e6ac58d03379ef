package io.billwright.messaging.acknowledgement;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.billwright.events.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an acknowledgement: JSON, a known type, valid against its schema
 * ({@code schemas/acknowledgements/}). Anything else is a {@link BadAcknowledgement} naming the field.
 */
public final class AcknowledgementReader {

    public static final String INVALID = "INVALID_ACKNOWLEDGEMENT";
    static final String LOCATION = "schemas/acknowledgements/";

    private final Map<ErpAcknowledgement.Outcome, Schema> schemas = new EnumMap<>(ErpAcknowledgement.Outcome.class);

    public AcknowledgementReader() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (ErpAcknowledgement.Outcome outcome : ErpAcknowledgement.Outcome.values()) {
            schemas.put(outcome, load(registry, outcome.schema()));
        }
    }

    public ErpAcknowledgement read(byte[] body) {
        JsonNode message;
        try {
            message = WireJson.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new BadAcknowledgement(INVALID, "(message)", "not JSON: " + e.getOriginalMessage());
        }
        if (message == null || !message.isObject()) {
            throw new BadAcknowledgement(INVALID, "(message)", "not a JSON object");
        }
        String type = message.path("type").asText("");
        ErpAcknowledgement.Outcome outcome = ErpAcknowledgement.Outcome.ofType(type);
        if (outcome == null) {
            throw new BadAcknowledgement(INVALID, "type", "'" + type + "' is not an acknowledgement type: use "
                    + ErpAcknowledgement.Outcome.POSTED.type() + " or " + ErpAcknowledgement.Outcome.REJECTED.type());
        }
        List<Error> errors = schemas.get(outcome).validate(message);
        if (!errors.isEmpty()) {
            Error error = errors.get(0);
            throw new BadAcknowledgement(INVALID, field(error), error.getMessage());
        }
        JsonNode data = message.path("data");
        return new ErpAcknowledgement(message.path("id").asText(), data.path("packageId").asText(), outcome,
                text(data, "erpDocumentNumber"), text(data, "reasonCode"), text(data, "reason"), time(message));
    }

    private static String field(Error error) {
        StringBuilder out = new StringBuilder();
        for (String segment : error.getInstanceLocation().toString().split("/")) {
            if (!segment.isEmpty() && !segment.equals("$")) {
                out.append(out.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            out.append(out.isEmpty() ? "" : ".").append(error.getProperty());
        }
        return out.isEmpty() ? "(message)" : out.toString();
    }

    private static String text(JsonNode data, String name) {
        JsonNode value = data.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant time(JsonNode message) {
        JsonNode time = message.get("time");
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time.asText()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadAcknowledgement(INVALID, "time", "'" + time.asText()
                    + "' is not an RFC 3339 timestamp with a zone offset (2026-07-01T09:30:00Z)");
        }
    }

    private static Schema load(SchemaRegistry registry, String name) {
        String path = LOCATION + name + ".schema.json";
        try (InputStream in = AcknowledgementReader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the class path: " + path);
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
