package io.billwright.simulations.generate;

import io.billwright.engine.contract.BillingModel;
import io.billwright.events.EventType;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a generated data set holds.
 *
 * @param events           messages written (lines in the file)
 * @param eventsByType     messages by type, in {@link EventType} order
 * @param contractsByModel contracts by billing model, in {@link BillingModel} order
 * @param amendedContracts contracts with a second version
 * @param completedContracts contracts completed at the end (their retention is released)
 * @param firstEvent       the {@code time} of the first message
 * @param lastEvent        the {@code time} of the last message
 */
public record GenerationSummary(GeneratorOptions options, long events, Map<EventType, Long> eventsByType,
                                Map<BillingModel, Integer> contractsByModel, int customers, int people,
                                int amendedContracts, int completedContracts, Instant firstEvent, Instant lastEvent) {

    public GenerationSummary {
        eventsByType = Collections.unmodifiableMap(new EnumMap<>(eventsByType));
        contractsByModel = Collections.unmodifiableMap(new EnumMap<>(contractsByModel));
    }

    public int contracts() {
        return contractsByModel.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A few lines for people, for example after {@code generate}. */
    public String describe() {
        return """
                seed %d: %d people, %d customers, %d contracts (%s), %d amended, %d completed
                %d months from %s: %d events from %s to %s
                %s
                """.formatted(options.seed(), people, customers, contracts(), join(contractsByModel), amendedContracts,
                completedContracts, options.months(), options.start(), events, firstEvent, lastEvent,
                join(eventsByType));
    }

    private static String join(Map<?, ?> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
