package io.billwright.messaging.reconcile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one reconciliation found.
 *
 * @param contracts the contracts checked
 * @param events    the messages replayed
 * @param packages  the packages the database holds for them
 * @param ruleSets  the messages replayed with each rule set, by version
 * @param drifts    every drift, contract by contract
 * @param warnings  what the replay could not do as the service did (a rule set it could not use), one sentence each
 */
public record ReconcileReport(int contracts, long events, int packages, SortedMap<String, Long> ruleSets,
                              List<Drift> drifts, List<String> warnings) {

    public ReconcileReport {
        ruleSets = new TreeMap<>(ruleSets);
        drifts = List.copyOf(drifts);
        warnings = List.copyOf(warnings);
    }

    public boolean noDrift() {
        return drifts.isEmpty();
    }

    /** How many drifts of each kind, in the kinds' order. */
    public Map<DriftKind, Long> byKind() {
        Map<DriftKind, Long> counts = new EnumMap<>(DriftKind.class);
        drifts.forEach(drift -> counts.merge(drift.kind(), 1L, Long::sum));
        return counts;
    }
}
