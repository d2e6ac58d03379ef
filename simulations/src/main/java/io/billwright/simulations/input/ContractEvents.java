package io.billwright.simulations.input;

import io.billwright.engine.event.BillingEvent;
import java.time.Instant;
import java.util.List;

/**
 * One contract's events to replay, in file order, once the service's redelivery rules have had their say.
 *
 * @param duplicates lines skipped as the service would skip them (a redelivery, a resend, a stale update)
 * @param refused    lines refused for an id used before with other content, with file and line
 * @param firstEvent the earliest CloudEvents {@code time} of the events, or null
 * @param lastEvent  the latest, or null
 * @param order      where the contract's first applied line is in the input (file, then line), to list
 *                   contracts as they first appear; {@link Long#MAX_VALUE} when none applied
 */
public record ContractEvents(String contractId, List<BillingEvent> events, long duplicates,
                             List<InputProblem> refused, Instant firstEvent, Instant lastEvent, long order) {

    public ContractEvents {
        events = List.copyOf(events);
        refused = List.copyOf(refused);
    }
}
