package io.billwright.simulations.input;

import io.billwright.engine.event.BillingEvent;
import io.billwright.events.Redelivery;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A checked line as its contract's replay needs it, and no more: the event, what the redelivery rules
 * compare, and where the line is. The message body and its JSON tree are not kept, so a file's events fit
 * in a fraction of their size on disk.
 *
 * @param content  the first 64 bits of the content hash: two lines compare equal exactly when their hashes'
 *                 first 64 bits do, which for SHA-256 is the same thing in practice
 * @param envelope the first 64 bits of the envelope hash, likewise
 */
record Arrival(BillingEvent event, String messageId, String businessKey, long content, long envelope,
               String source, String type, Instant time, int file, long line) {

    /** What {@link Redelivery#judge} needs, with the kept hashes standing for the message's own. */
    Redelivery.Sighting sighting() {
        return new Redelivery.Sighting(messageId, hex(content), hex(envelope), source, type, time);
    }

    static String hex(long prefix) {
        return HexFormat.of().toHexDigits(prefix);
    }

    /** The first 64 bits of a hash written in hex. */
    static long prefix(String hexHash) {
        return HexFormat.fromHexDigitsToLong(hexHash, 0, 16);
    }
}
