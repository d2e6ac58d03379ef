package io.billwright.engine.event;

import io.billwright.engine.contract.ContractId;
import java.util.Locale;
import java.util.Objects;

/**
 * Finance released a held item (bill it despite the hold) or wrote it off (never bill it), and a second person
 * approved. The service enforces the four eyes and records who; the engine applies the decision in order with the
 * contract's other events, so a replay of the event log reproduces it.
 *
 * @param itemKey     the item as the contract's state keeps it, kind and id: {@code TIME_ENTRY:TE-7},
 *                    {@code EXPENSE:EX-3}, {@code MILESTONE:M1}, {@code EXCESS:TIME_ENTRY:TE-7} for the part of
 *                    TE-7 a not-to-exceed cap held back (see {@code StateKind})
 * @param reason      why, in finance's words; required
 * @param requestedBy who asked for it
 * @param approvedBy  who approved it: never the same person as {@code requestedBy}
 * @param requestId   the request in the service's workbench, for the audit trail
 */
public record ManualDecision(EventId id, ContractId contractId, String itemKey, ManualAction action, String reason,
                             String requestedBy, String approvedBy, String requestId) implements BillingEvent {
    public ManualDecision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(action, "action");
        itemKey = required(itemKey, "itemId");
        reason = required(reason, "reason");
        requestedBy = required(requestedBy, "requestedBy");
        approvedBy = required(approvedBy, "approvedBy");
        requestId = required(requestId, "requestId");
        if (requestedBy.toLowerCase(Locale.ROOT).equals(approvedBy.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("approvedBy: '" + approvedBy + "' also requested the decision; a manual"
                    + " decision needs a second person's approval");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required, and not blank");
        }
        return value.strip();
    }
}
