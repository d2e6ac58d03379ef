package io.billwright.simulations.generate;

import io.billwright.events.EventType;
import java.util.Comparator;
import java.util.Objects;

/**
 * A message due at {@code time} (epoch seconds); {@code sequence} keeps messages due at the same second in the
 * order they were planned.
 *
 * @param source        the CloudEvents {@code source}: the upstream system that sends it
 * @param subject       the CloudEvents {@code subject}: the item it is about
 * @param correlationId the business transaction it belongs to (a timesheet week, a contract version)
 */
record Scheduled(long time, long sequence, EventType type, String source, String subject, String correlationId,
                 Payload payload) {

    static final Comparator<Scheduled> IN_TIME_ORDER = Comparator.comparingLong(Scheduled::time)
            .thenComparingLong(Scheduled::sequence);

    Scheduled {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }
}
