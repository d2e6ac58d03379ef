package io.billwright.messaging.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the packages the database holds for a contract ({@code billing_package}) with the packages the replay
 * issues: the same ids, and for each the same totals and number of lines.
 */
final class PackageDrifts {

    private PackageDrifts() {
    }

    static List<Drift> of(ContractEvidence evidence) {
        Map<String, PackageFigures> replayed = new LinkedHashMap<>();
        evidence.replay().packages().forEach(p -> replayed.put(p.id(), p));
        List<Drift> drifts = new ArrayList<>();
        for (IssuedPackage issued : evidence.issued()) {
            PackageFigures twin = replayed.remove(issued.id());
            if (twin == null) {
                drifts.add(notReplayed(evidence, issued.figures()));
            } else {
                List<String> differences = issued.figures().differences(twin);
                if (!differences.isEmpty()) {
                    drifts.add(differs(evidence, issued.figures(), twin, differences));
                }
            }
        }
        replayed.values().forEach(p -> drifts.add(notIssued(evidence, p)));
        return drifts;
    }

    private static Drift notReplayed(ContractEvidence evidence, PackageFigures stored) {
        String used = evidence.replay().usedFor(stored.messageId());
        String issuedBy = "issued by " + stored.ruleSetVersion() + " on message " + stored.messageId();
        String cause;
        if (used == null) {
            cause = issuedBy + ", which is not in the event log: the message that issued it is missing from the log,"
                    + " or the package row was written outside the service";
        } else if (!used.equals(stored.ruleSetVersion())) {
            cause = issuedBy + "; the replay used " + used + ": the rule sets differ";
        } else {
            cause = issuedBy + ", the rule set the replay used too: the replay does not issue it from the event log,"
                    + " so the package row or the events behind it were changed outside the engine";
        }
        return new Drift(evidence.contractId(), DriftKind.PACKAGE_NOT_REPLAYED, stored.id(), stored.describe(), "",
                cause, "package " + stored.id() + " of contract " + evidence.contractId() + ": in the database ("
                + stored.describe() + "), not produced by the replay (" + cause + ")");
    }

    private static Drift notIssued(ContractEvidence evidence, PackageFigures replayed) {
        OutboxState outbox = evidence.outbox().get(replayed.id());
        String cause;
        if (outbox == null) {
            cause = "the service never issued it and the ERP has not received it: the stored state or the package"
                    + " registry is behind the event log";
        } else if (outbox.sent()) {
            cause = "yet its outbox row was sent to the broker at " + outbox.sentAt() + ", so the ERP has it: the"
                    + " billing_package row was deleted or lost, and the operations page no longer shows the package";
        } else {
            cause = "yet it has an outbox row (" + (outbox.parked() ? "parked at " + outbox.parkedAt() : "not sent yet")
                    + "): the billing_package row was deleted or lost";
        }
        return new Drift(evidence.contractId(), DriftKind.PACKAGE_NOT_ISSUED, replayed.id(), "", replayed.describe(),
                cause, "package " + replayed.id() + " of contract " + evidence.contractId() + ": the replay issues it ("
                + replayed.describe() + ", on message " + replayed.messageId() + "), the database has no such package: "
                + cause);
    }

    private static Drift differs(ContractEvidence evidence, PackageFigures stored, PackageFigures replayed,
                                 List<String> differences) {
        String cause = Objects.equals(stored.ruleSetVersion(), replayed.ruleSetVersion())
                ? "the same rule set (" + stored.ruleSetVersion() + ") gives other figures: the package row, the stored"
                + " state or the event log was changed after it was issued"
                : "issued by " + stored.ruleSetVersion() + "; the replay used " + replayed.ruleSetVersion()
                + ": the rule sets differ";
        String what = String.join("; ", differences);
        return new Drift(evidence.contractId(), DriftKind.PACKAGE_DIFFERS, stored.id(), stored.describe(),
                replayed.describe(), cause, "package " + stored.id() + " of contract " + evidence.contractId() + ": "
                + what + " (" + cause + ")");
    }
}
