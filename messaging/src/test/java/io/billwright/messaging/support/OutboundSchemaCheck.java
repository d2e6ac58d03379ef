package io.billwright.messaging.support;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Validates what the service published against the schemas the repository documents for consumers. */
public final class OutboundSchemaCheck {

    private OutboundSchemaCheck() {
    }

    /** The violations of {@code data} against {@code schemas/outbound/<name>.schema.json}; empty when valid. */
    public static List<String> violations(String name, JsonNode data) {
        String path = "schemas/outbound/" + name + ".schema.json";
        try (InputStream in = OutboundSchemaCheck.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + path);
            }
            List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in)
                    .validate(data);
            return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
