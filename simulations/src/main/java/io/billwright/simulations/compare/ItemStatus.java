package io.billwright.simulations.compare;

import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.state.ItemRecord;

/**
 * Where an item stands at the end of a replay, as finance sees it. An item the engine found eligible but
 * could not package (no tax rate for it, say) keeps its eligible record, to be packaged at the next close;
 * its last decision says it is held and why, and that is what a report shows.
 */
record ItemStatus(String status, String reason) {

    static ItemStatus of(ItemRecord record, Decision last) {
        if (record.isPending() && last != null && last.status() == DecisionStatus.HELD) {
            return new ItemStatus(DecisionStatus.HELD.name(), last.reason() == null ? "" : last.reason().name());
        }
        return new ItemStatus(record.status().name(), record.reason() == null ? "" : record.reason().name());
    }

    boolean isHeld() {
        return DecisionStatus.HELD.name().equals(status);
    }
}
