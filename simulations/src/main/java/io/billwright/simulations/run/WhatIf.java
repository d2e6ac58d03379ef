package io.billwright.simulations.run;

import io.billwright.engine.event.BillingEvent;
import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.ComparisonBuilder;
import io.billwright.simulations.compare.ContractDiff;
import io.billwright.simulations.input.LoadedEvents;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

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

    /**
     * @param progress told the number of events replayed so far (through both sides), now and then
     */
    public Comparison run(LoadedEvents input, LongConsumer progress) {
        AtomicLong done = new AtomicLong();
        List<Map.Entry<String, List<BillingEvent>>> contracts = List.copyOf(input.byContract().entrySet());
        List<ContractDiff> diffs = contracts.parallelStream()
                .map(contract -> {
                    ContractDiff diff = ContractDiff.of(contract.getKey(),
                            baseline.replay(contract.getKey(), contract.getValue()),
                            candidate.replay(contract.getKey(), contract.getValue()));
                    progress.accept(done.addAndGet(contract.getValue().size()));
                    return diff;
                })
                .toList();
        ComparisonBuilder builder = new ComparisonBuilder(baseline.label(), candidate.label());
        diffs.forEach(builder::add);
        return builder.build(input.events(), new Comparison.InputCounts(input.skipped().size(), input.duplicates()));
    }
}
