package io.billwright.simulations.generate;

import io.billwright.events.EventType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Messages planned but not yet written, in time order. The generator plans a week at a time and releases
 * everything due before the next week, so only the messages still in flight (approvals, late submissions,
 * corrections, closes) are held, never the whole data set.
 *
 * <p>Messages are kept in one bucket per day and a day is sorted once, when it is released: a million messages
 * go out several times faster than through one priority queue of everything in flight (the queue's sifting was a
 * third of the generator's time).
 */
final class Timeline {

    private static final long DAY = 86_400L;

    private final TreeMap<Long, List<Scheduled>> days = new TreeMap<>();
    private long sequence;
    private int size;
    /** The day last planned into, and its bucket: messages come in runs on the same day. */
    private long lastDay = Long.MIN_VALUE;
    private List<Scheduled> lastBucket;

    void plan(long time, EventType type, String source, String subject, String correlationId, Payload payload) {
        long day = Math.floorDiv(time, DAY);
        if (day != lastDay || lastBucket == null) {
            lastDay = day;
            lastBucket = days.computeIfAbsent(day, d -> new ArrayList<>());
        }
        lastBucket.add(new Scheduled(time, sequence++, type, source, subject, correlationId, payload));
        size++;
    }

    /** Hands every message due before {@code time} to {@code sink}, in time order. */
    void releaseBefore(long time, Consumer<Scheduled> sink) {
        long lastDay = Math.floorDiv(time, DAY);
        Iterator<Map.Entry<Long, List<Scheduled>>> due = days.headMap(lastDay, true).entrySet().iterator();
        while (due.hasNext()) {
            Map.Entry<Long, List<Scheduled>> day = due.next();
            List<Scheduled> messages = day.getValue();
            messages.sort(Scheduled.IN_TIME_ORDER);
            int released = 0;
            while (released < messages.size() && messages.get(released).time() < time) {
                sink.accept(messages.get(released++));
            }
            size -= released;
            if (released == messages.size()) {
                due.remove();
                if (messages == lastBucket) {
                    lastBucket = null;
                }
            } else {
                messages.subList(0, released).clear(); // the part of the day from time on waits
            }
        }
    }

    /** Hands every message left to {@code sink}, in time order. */
    void releaseAll(Consumer<Scheduled> sink) {
        releaseBefore(Long.MAX_VALUE, sink);
    }

    int size() {
        return size;
    }
}
