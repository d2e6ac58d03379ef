package io.billwright.messaging.reconcile;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that every package the database holds reached the broker: its outbox row sent ({@code sent_at}, set on
 * the broker's confirm) and the confirm recorded on the package ({@code confirmed_at}). A parked row, a row not
 * sent, or no row at all means the ERP has not received the package from this service.
 */
final class DeliveryDrifts {

    private DeliveryDrifts() {
    }

    static List<Drift> of(ContractEvidence evidence) {
        List<Drift> drifts = new ArrayList<>();
        for (IssuedPackage issued : evidence.issued()) {
            Drift drift = check(evidence.contractId(), issued, evidence.outbox().get(issued.id()));
            if (drift != null) {
                drifts.add(drift);
            }
        }
        return drifts;
    }

    private static Drift check(String contract, IssuedPackage issued, OutboxState outbox) {
        String what = "package " + issued.id() + " of contract " + contract + ": ";
        if (outbox == null) {
            String cause = "it has no outbox row, so it was never handed to the broker: the ERP has not received it"
                    + " from this service";
            return drift(contract, issued, DriftKind.OUTBOX_MISSING, "no outbox row", cause,
                    what + "issued at " + issued.createdAt() + ", " + cause);
        }
        if (outbox.parked()) {
            String row = "outbox row parked at " + outbox.parkedAt() + " after " + outbox.attempts() + " attempt(s): "
                    + (outbox.lastError() == null ? "no error recorded" : outbox.lastError());
            if (issued.confirmedAt() == null) {
                String cause = "the ERP has not received it; once the cause is fixed, publish it again (the relay"
                        + " parked it on the dead-letter queue as PUBLISH_FAILED)";
                return drift(contract, issued, DriftKind.OUTBOX_PARKED, row, cause,
                        what + "issued, never confirmed by the broker (" + row + "): " + cause);
            }
            String cause = "a later send of it (a resend) was given up: ask the ERP whether it has the package, and"
                    + " publish it again if not";
            return drift(contract, issued, DriftKind.OUTBOX_PARKED, row, cause, what + "issued and confirmed by the"
                    + " broker at " + issued.confirmedAt() + ", but its " + row + ": " + cause);
        }
        if (!outbox.sent()) {
            String row = "outbox row waiting since " + outbox.createdAt() + ", " + outbox.attempts() + " attempt(s)"
                    + (outbox.lastError() == null ? "" : ", last error: " + outbox.lastError());
            String cause = "the ERP has not received it yet; the relay of a running service sends it (is the service"
                    + " running, and the broker reachable?)";
            return drift(contract, issued, DriftKind.OUTBOX_UNSENT, row, cause,
                    what + "issued, not sent to the broker yet (" + row + "): " + cause);
        }
        if (issued.confirmedAt() == null) {
            String cause = "the broker's confirmation was not recorded on the package (billing_package.confirmed_at is"
                    + " empty), so the operations page counts it as unconfirmed; the ERP most likely has it";
            return drift(contract, issued, DriftKind.NOT_CONFIRMED, "outbox row sent at " + outbox.sentAt(), cause,
                    what + "its outbox row was sent at " + outbox.sentAt() + ", but " + cause);
        }
        return null;
    }

    private static Drift drift(String contract, IssuedPackage issued, DriftKind kind, String stored, String cause,
                               String text) {
        return new Drift(contract, kind, issued.id(), stored, "", cause, text);
    }
}
