package io.billwright.messaging.processing;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.decision.Decision;
import java.util.List;

/**
 * What processing one message did.
 *
 * @param outcome  {@code APPLIED}, {@code DUPLICATE_MESSAGE} (this message id was processed before) or
 *                 {@code DUPLICATE_CONTENT} (the same business item with the same content, new message id)
 *                 or {@code STALE} (an update older, by its CloudEvents time, than the one already applied)
 * @param packages the packages newly issued (empty for duplicates)
 */
public record ProcessingResult(String outcome, List<Decision> decisions, List<BillingPackage> packages) {

    public static final String APPLIED = "APPLIED";
    public static final String DUPLICATE_MESSAGE = "DUPLICATE_MESSAGE";
    public static final String DUPLICATE_CONTENT = "DUPLICATE_CONTENT";
    public static final String STALE = "STALE";

    public ProcessingResult {
        decisions = List.copyOf(decisions);
        packages = List.copyOf(packages);
    }

    static ProcessingResult duplicate(String outcome) {
        return new ProcessingResult(outcome, List.of(), List.of());
    }
}
