package io.billwright.messaging.partition;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many deliveries each partition queue has given this instance. A queue with single active consumer
 * delivers to one consumer only, so a count that moved since the last look means this instance is that
 * consumer.
 */
public final class PartitionActivity {

    private final ConcurrentHashMap<String, AtomicLong> deliveries = new ConcurrentHashMap<>();

    /** Called by the listener for every batch it receives from {@code queue}. */
    public void delivered(String queue, int messages) {
        if (queue != null) {
            deliveries.computeIfAbsent(queue, q -> new AtomicLong()).addAndGet(messages);
        }
    }

    /** Deliveries from {@code queue} so far. */
    public long count(String queue) {
        AtomicLong count = deliveries.get(queue);
        return count == null ? 0 : count.get();
    }
}
