package io.billwright.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas of the inbound envelope and of every event type's {@code data}, loaded once from
 * {@code schemas/inbound/} on the class path (the same files the AsyncAPI document references).
 */
public final class InboundSchemas {

    public static final String LOCATION = "schemas/inbound/";

    private final Schema envelope;
    private final Map<EventType, Schema> data = new EnumMap<>(EventType.class);

    public InboundSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .regularExpressionFactory(new SchemaPatterns()).build()));
        envelope = load(registry, "cloudevent");
        for (EventType type : EventType.values()) {
            data.put(type, load(registry, type.schema()));
        }
    }

    /** The first violation of the envelope schema, or null. */
    public Violation checkEnvelope(JsonNode message) {
        return first(envelope.validate(message), "");
    }

    /** The first violation of {@code type}'s data schema, or null; paths start at {@code data}. */
    public Violation checkData(EventType type, JsonNode dataNode) {
        return first(data.get(type).validate(dataNode), "data");
    }

    /** A schema violation: the JSON path of the field and the validator's message. */
    public record Violation(String field, String message) {
    }

    private static Violation first(List<Error> errors, String root) {
        if (errors.isEmpty()) {
            return null;
        }
        Error error = errors.get(0);
        String field = root + dotted(error.getInstanceLocation().toString());
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            field = field + "." + error.getProperty();
        }
        field = field.replaceFirst("^\\.", "");
        return new Violation(field.isEmpty() ? "(message)" : field, error.getMessage());
    }

    /** A JSON Pointer ({@code /timeEntry/hours}, {@code /milestones/0/amount}) as {@code .timeEntry.hours}. */
    static String dotted(String location) {
        if (location.startsWith("$")) {
            return location.substring(1);
        }
        StringBuilder out = new StringBuilder();
        for (String segment : location.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            out.append(name.chars().allMatch(Character::isDigit) ? "[" + name + "]" : "." + name);
        }
        return out.toString();
    }

    private static Schema load(SchemaRegistry registry, String name) {
        String path = LOCATION + name + ".schema.json";
        try (InputStream in = InboundSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the class path: " + path);
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
