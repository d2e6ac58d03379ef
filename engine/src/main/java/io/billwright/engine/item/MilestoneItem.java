package io.billwright.engine.item;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A milestone as the rules see it: its fee, whether the client accepted it, and which linked time
 * entries and expenses are not approved yet.
 *
 * @param amount           the fee from the contract, or null when the contract names no such milestone
 * @param completedOn      when the firm reported it complete, or null
 * @param acceptedOn       when the client accepted it, or null
 * @param unapprovedLinked ids of linked time entries and expenses that are not approved
 */
public record MilestoneItem(String milestoneId, String name, BigDecimal amount, LocalDate completedOn,
                            LocalDate acceptedOn, List<String> unapprovedLinked) implements Item {
    public MilestoneItem {
        unapprovedLinked = List.copyOf(unapprovedLinked);
    }

    @Override
    public String itemId() {
        return "milestone:" + milestoneId;
    }

    public boolean isKnown() {
        return amount != null;
    }

    /** True when every linked time entry and expense is approved. */
    public boolean isFullyApproved() {
        return unapprovedLinked.isEmpty();
    }

    @Override
    public StateKind stateKind() {
        return StateKind.MILESTONE;
    }
}
