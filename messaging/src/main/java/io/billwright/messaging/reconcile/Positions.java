package io.billwright.messaging.reconcile;

import io.billwright.engine.state.ContractState;
import java.math.BigDecimal;

/**
 * The running totals a contract's state keeps beside its items.
 *
 * @param capConsumed       what the not-to-exceed cap counts as used
 * @param retentionWithheld the retention withheld and not released yet
 * @param completed         the contract was completed (its retention released)
 */
record Positions(BigDecimal capConsumed, BigDecimal retentionWithheld, boolean completed) {

    static Positions of(ContractState state) {
        return new Positions(state.capConsumed(), state.retentionWithheld(), state.completed());
    }
}
