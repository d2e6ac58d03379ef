package io.billwright.simulations.input;

import java.time.Instant;
import java.util.List;

/**
 * What a run read: the counts and the period the reports state.
 *
 * @param events     events replayed
 * @param duplicates lines skipped as the service would skip them: an id read before with the same content, the
 *                   same item with the same content under a new id, an update older than the one applied
 * @param skipped    lines skipped as bad (only with {@code --skip-bad-lines}), in file order, with the reason of each
 * @param firstEvent the time of the earliest event replayed (its CloudEvents {@code time}); null when none has one
 * @param lastEvent  the time of the latest event replayed; null when none has one
 */
public record InputFacts(long events, long duplicates, List<InputProblem> skipped, Instant firstEvent,
                         Instant lastEvent) {

    public InputFacts {
        skipped = List.copyOf(skipped);
        if ((firstEvent == null) != (lastEvent == null) || (firstEvent != null && lastEvent.isBefore(firstEvent))) {
            throw new IllegalArgumentException("not a period: " + firstEvent + " to " + lastEvent);
        }
    }
}
