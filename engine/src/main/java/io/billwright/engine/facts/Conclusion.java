package io.billwright.engine.facts;

/**
 * What a rule concludes about one item. Rules {@code insert} conclusions; the engine turns all the
 * conclusions about an item into its decision (reject beats hold beats charge, limits split a charge).
 */
public sealed interface Conclusion permits Charge, Hold, Reject, Track, Limit, Drawdown, Settlement {
    String itemId();
}
