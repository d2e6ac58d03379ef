package io.billwright.simulations.input;

import io.billwright.engine.event.BillingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The events of one or more files, grouped by contract in the order they were read. A contract's state
 * depends only on its own events, so each contract replays on its own, in that order.
 *
 * @param byContract every contract's events, contracts in order of their first event applied
 * @param facts      what was read: the counts, the lines skipped and the period
 */
public record LoadedEvents(Map<String, List<BillingEvent>> byContract, InputFacts facts) {

    public LoadedEvents {
        byContract = java.util.Collections.unmodifiableMap(byContract);
        java.util.Objects.requireNonNull(facts, "facts");
    }

    /** Events read. */
    public long events() {
        return facts.events();
    }

    /** Lines skipped as the service would skip them ({@link InputFacts#duplicates()}). */
    public long duplicates() {
        return facts.duplicates();
    }

    /** Lines skipped as bad (only with {@code --skip-bad-lines}), with the reason of each. */
    public List<InputProblem> skipped() {
        return facts.skipped();
    }

    /** The time of the earliest event read (its CloudEvents {@code time}); null when there is none. */
    public Instant firstEvent() {
        return facts.firstEvent();
    }

    /** The time of the latest event read; null when there is none. */
    public Instant lastEvent() {
        return facts.lastEvent();
    }
}
