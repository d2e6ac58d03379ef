package io.billwright.messaging.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything reconciling one contract compares: its stored state, its replay, the packages the database holds
 * for it, and the outbox rows of those packages and of the replay's.
 *
 * @param outbox the outbox rows by message id (a package's is its id)
 */
record ContractEvidence(String contractId, StoredContract stored, ReplayedContract replay, List<IssuedPackage> issued,
                        Map<String, OutboxState> outbox) {

    ContractEvidence {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(replay, "replay");
        issued = List.copyOf(issued);
        outbox = Map.copyOf(outbox);
    }
}
