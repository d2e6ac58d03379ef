package io.billwright.simulations.generate;

import io.billwright.events.EventType;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Messages planned but not yet written, in time order. The generator plans a week at a time and releases
 * everything due before the next week, so only the messages still in flight (approvals, late approvals, closes)
 * are held, never the whole data set.
 */
final class Timeline {

    private final PriorityQueue<Scheduled> pending = new PriorityQueue<>(Scheduled.IN_TIME_ORDER);
    private long sequence;

    void plan(long time, EventType type, String source, String subject, String correlationId, Payload payload) {
        pending.add(new Scheduled(time, sequence++, type, source, subject, correlationId, payload));
    }

    /** Hands every message due before {@code time} to {@code sink}, in time order. */
    void releaseBefore(long time, Consumer<Scheduled> sink) {
        while (!pending.isEmpty() && pending.peek().time() < time) {
            sink.accept(pending.poll());
        }
    }

    /** Hands every message left to {@code sink}, in time order. */
    void releaseAll(Consumer<Scheduled> sink) {
        releaseBefore(Long.MAX_VALUE, sink);
    }

    int size() {
        return pending.size();
    }
}
