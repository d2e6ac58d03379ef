package io.billwright.simulations.run;

import io.billwright.engine.event.BillingEvent;
import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.ComparisonBuilder;
import io.billwright.simulations.compare.ContractDiff;
import io.billwright.simulations.input.ContractEvents;
import io.billwright.simulations.input.EventIndex;
import io.billwright.simulations.input.InputException;
import io.billwright.simulations.input.InputFacts;
import io.billwright.simulations.input.InputProblem;
import io.billwright.simulations.input.InputTally;
import io.billwright.simulations.input.LoadedEvents;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * A what-if run: every contract's events through the baseline and through the candidate, compared
 * contract by contract. Contracts are independent, so they replay in parallel; the result does not depend
 * on the order they finish in.
 */
public final class WhatIf {

    private final Side baseline;
    private final Side candidate;

    public WhatIf(Side baseline, Side candidate) {
        this.baseline = baseline;
        this.candidate = candidate;
    }

    /** A run over indexed files: the comparison, and what was read. */
    public record Result(Comparison comparison, InputFacts input) {
    }

    /**
     * Replays the indexed files contract by contract: each contract's lines are judged by the redelivery rules,
     * replayed through both sides and compared, and let go, so memory holds the contracts in flight, not the
     * files.
     *
     * @param skipBadLines skip a line refused for a reused message id instead of failing the run
     * @param progress     told the number of messages judged and replayed so far (through both sides), now and
     *                     then, up to {@link EventIndex#messages()}
     * @throws InputException naming the first refused line in file order, when not skipping; no contract's
     *                        result is kept then
     */
    public Result run(EventIndex index, boolean skipBadLines, LongConsumer progress) {
        AtomicLong done = new AtomicLong();
        AtomicBoolean refused = new AtomicBoolean();
        InputTally tally = new InputTally(index.badLines());
        ComparisonBuilder builder = new ComparisonBuilder(baseline.label(), candidate.label());
        List<InputProblem> refusals = IntStream.range(0, index.contracts()).parallel()
                .mapToObj(contract -> {
                    ContractEvents events = index.events(contract);
                    tally.add(events);
                    if (!skipBadLines && !events.refused().isEmpty()) {
                        refused.set(true);
                    }
                    // once a line is refused the run fails: the other contracts are only judged, so that the
                    // failure names the first refused line of all, whichever contract finishes first
                    if (!refused.get() && !events.events().isEmpty()) {
                        builder.add(events.order(), compare(events));
                    }
                    // counted as lines judged, so that it ends at the index's count of messages
                    progress.accept(done.addAndGet(events.events().size() + events.duplicates()
                            + events.refused().size()));
                    return events.refused();
                })
                .flatMap(List::stream)
                .toList();
        InputFacts input = tally.facts(index.files());
        if (refused.get()) {
            InputProblem first = InputTally.inFileOrder(refusals, index.files()).get(0);
            throw new InputException(List.of(first));
        }
        return new Result(builder.build(input.events(), new Comparison.InputCounts(input.skipped().size(),
                input.duplicates())), input);
    }


    /**
     * Replays events read into memory.
     *
     * @param progress told the number of events replayed so far (through both sides), now and then
     */
    public Comparison run(LoadedEvents input, LongConsumer progress) {
        AtomicLong done = new AtomicLong();
        List<Map.Entry<String, List<BillingEvent>>> contracts = List.copyOf(input.byContract().entrySet());
        List<ContractDiff> diffs = contracts.parallelStream()
                .map(contract -> {
                    ContractDiff diff = compare(contract.getKey(), contract.getValue());
                    progress.accept(done.addAndGet(contract.getValue().size()));
                    return diff;
                })
                .toList();
        ComparisonBuilder builder = new ComparisonBuilder(baseline.label(), candidate.label());
        diffs.forEach(builder::add);
        return builder.build(input.events(), new Comparison.InputCounts(input.skipped().size(), input.duplicates()));
    }

    private ContractDiff compare(ContractEvents events) {
        return compare(events.contractId(), events.events());
    }

    private ContractDiff compare(String contractId, List<BillingEvent> events) {
        return ContractDiff.of(contractId, baseline.replay(contractId, events), candidate.replay(contractId, events));
    }
}
