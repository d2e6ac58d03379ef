package io.billwright.messaging.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every drift of one contract: its state and packages against the replay, then its packages against the
 * broker. Pure: it reads the evidence it is given and nothing else.
 */
final class Reconciliation {

    private Reconciliation() {
    }

    static List<Drift> drifts(ContractEvidence evidence) {
        List<Drift> drifts = new ArrayList<>();
        ReplayedContract replay = evidence.replay();
        if (replay.failure() != null) {
            String cause = replay.failure() + "; the state and the packages of this contract are not compared";
            drifts.add(new Drift(evidence.contractId(), DriftKind.REPLAY_FAILED, evidence.contractId(), "", "",
                    cause, "contract " + evidence.contractId() + ": " + cause));
        } else {
            List<Drift> replayed = new ArrayList<>(StateDrifts.of(evidence));
            replayed.addAll(PackageDrifts.of(evidence));
            String note = note(replay);
            replayed.forEach(drift -> drifts.add(note == null ? drift : drift.withNote(note)));
        }
        drifts.addAll(DeliveryDrifts.of(evidence));
        return drifts;
    }

    /** What the replay of the contract could not do as the service did, or null. */
    private static String note(ReplayedContract replay) {
        if (replay.gaps().isEmpty()) {
            return null;
        }
        return "note: the replay could not use the rule set that decided this contract: " + replay.gaps().stream()
                .map(ReleaseGap::describe).collect(Collectors.joining("; "));
    }
}
