package io.billwright.simulations.generate;

import io.billwright.events.EventType;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes messages as CloudEvents 1.0 structured JSON, one per line, with a streaming generator, numbering their
 * ids in the order written ({@code g42-0000001}) and counting them by type.
 */
final class EventWriter implements AutoCloseable {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null)
            .build();

    private final JsonGenerator json;
    private final String idPrefix;
    private final Instants instants = new Instants();
    private final Map<EventType, Long> counts = new EnumMap<>(EventType.class);
    private long written;
    private long firstTime = Long.MIN_VALUE;
    private long lastTime = Long.MIN_VALUE;

    EventWriter(OutputStream out, long seed) {
        this.json = FACTORY.createGenerator(ObjectWriteContext.empty(), out);
        this.idPrefix = "g" + seed + "-";
    }

    void write(Scheduled message) {
        written++;
        json.writeStartObject();
        json.writeStringProperty("specversion", "1.0");
        json.writeStringProperty("id", idPrefix + padded(written));
        json.writeStringProperty("source", message.source());
        json.writeStringProperty("type", message.type().type());
        json.writeStringProperty("time", instants.format(message.time()));
        json.writeStringProperty("subject", message.subject());
        json.writeStringProperty("datacontenttype", "application/json");
        json.writeStringProperty("correlationid", message.correlationId());
        json.writeName("data");
        message.payload().write(json);
        json.writeEndObject();
        json.writeRaw('\n');
        counts.merge(message.type(), 1L, Long::sum);
        if (firstTime == Long.MIN_VALUE) {
            firstTime = message.time();
        }
        lastTime = message.time();
    }

    long written() {
        return written;
    }

    Map<EventType, Long> counts() {
        return counts;
    }

    long firstTime() {
        return firstTime;
    }

    long lastTime() {
        return lastTime;
    }

    /** Flushes what is buffered; the stream itself stays open (its owner closes it). */
    @Override
    public void close() {
        json.close();
    }

    private static String padded(long number) {
        String digits = Long.toString(number);
        return digits.length() >= 7 ? digits : "0000000".substring(digits.length()) + digits;
    }
}
