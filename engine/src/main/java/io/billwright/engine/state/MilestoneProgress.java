package io.billwright.engine.state;

import java.time.LocalDate;

/** When a milestone was completed and accepted; null while it has not been. */
public record MilestoneProgress(LocalDate completedOn, LocalDate acceptedOn) {
    public static final MilestoneProgress NONE = new MilestoneProgress(null, null);

    public MilestoneProgress completed(LocalDate date) {
        return new MilestoneProgress(completedOn == null ? date : completedOn, acceptedOn);
    }

    public MilestoneProgress accepted(LocalDate date) {
        return new MilestoneProgress(completedOn == null ? date : completedOn, acceptedOn == null ? date : acceptedOn);
    }
}
