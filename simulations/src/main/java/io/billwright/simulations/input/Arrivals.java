package io.billwright.simulations.input;

import io.billwright.events.InboundMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes {@link Arrival}s from checked messages, on any thread. A file has a handful of sources and
 * types, so each source string is kept once and each envelope's hash is computed once, not per line.
 */
final class Arrivals {

    private final Map<String, String> sources = new ConcurrentHashMap<>();
    private final Map<String, Long> envelopes = new ConcurrentHashMap<>();

    Arrival of(InboundMessage message, int file, long line) {
        String source = message.envelope().source();
        String type = message.envelope().type();
        long envelope = envelopes.computeIfAbsent(source + '\u0000' + type, key -> Arrival.prefix(message.envelopeHash()));
        return new Arrival(message.event(), message.messageId(), message.businessKey(),
                Arrival.prefix(message.contentHash()), envelope, source == null ? null : sources.computeIfAbsent(source,
                s -> s), type, message.time(), file, line);
    }
}
