package io.billwright.simulations.input;

import io.billwright.engine.event.BillingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The events of one or more files, grouped by contract in the order they were read. A contract's state
 * depends only on its own events, so each contract replays on its own, in that order.
 *
 * @param byContract every contract's events, contracts in order of their first event
 * @param events     events read
 * @param duplicates lines skipped as the service would skip them: an id read before with the same content, the
 *                   same item with the same content under a new id, an update older than the one applied
 * @param skipped    lines skipped as bad (only with {@code --skip-bad-lines}), with the reason of each
 * @param firstEvent the time of the earliest event read (its CloudEvents {@code time}); null when there is none
 * @param lastEvent  the time of the latest event read; null when there is none
 */
public record LoadedEvents(Map<String, List<BillingEvent>> byContract, long events, long duplicates,
                           List<InputProblem> skipped, Instant firstEvent, Instant lastEvent) {

    public LoadedEvents {
        byContract = java.util.Collections.unmodifiableMap(byContract);
        skipped = List.copyOf(skipped);
        if ((firstEvent == null) != (lastEvent == null) || (firstEvent != null && lastEvent.isBefore(firstEvent))) {
            throw new IllegalArgumentException("not a period: " + firstEvent + " to " + lastEvent);
        }
    }

    /** The counts and the period, as a run states them. */
    public InputFacts facts() {
        return new InputFacts(events, duplicates, skipped, firstEvent, lastEvent);
    }

    /** Events without their period (the time of the first and the last is not known). */
    public LoadedEvents(Map<String, List<BillingEvent>> byContract, long events, long duplicates,
                        List<InputProblem> skipped) {
        this(byContract, events, duplicates, skipped, null, null);
    }
}
