package io.billwright.engine;

import io.billwright.engine.billing.Trigger;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.eligibility.ItemVerdict;
import io.billwright.engine.item.RetentionRelease;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The contract completed: everything withheld as retention is released in one package. */
final class Completion {

    private final Decider decider;
    private final Packager packager;

    Completion(Decider decider, Packager packager) {
        this.decider = decider;
        this.packager = packager;
    }

    void apply(Step step, LocalDate date) {
        if (step.state.completed()) {
            step.note("contract " + step.state.contractId() + " was completed before");
            releasePending(step);
            return;
        }
        step.state = step.state.withCompleted();
        Contract contract = step.state.contractOn(date).or(() -> step.state.latestContract()).orElse(null);
        BigDecimal withheld = step.state.retentionWithheld();
        if (contract == null || withheld.signum() == 0) {
            step.note("contract completed; no retention to release");
            return;
        }
        RetentionRelease release = new RetentionRelease(withheld);
        ItemVerdict verdict = decider.decide(step, release, date, null, List.of(step.eventId()), null, false);
        if (verdict.status() == DecisionStatus.ELIGIBLE) {
            issueRelease(step, contract, date);
        }
    }

    /** Issues the release again when it could not be issued at completion (for example, no tax rate). */
    void releasePending(Step step) {
        ItemRecord release = step.state.recordOf(new RetentionRelease(BigDecimal.ZERO));
        if (step.state.completed() && release != null && release.isPending()) {
            step.state.contractOn(release.date()).or(() -> step.state.latestContract())
                    .ifPresent(contract -> issueRelease(step, contract, release.date()));
        }
    }

    private void issueRelease(Step step, Contract contract, LocalDate date) {
        ItemRecord release = step.state.recordOf(new RetentionRelease(BigDecimal.ZERO));
        if (packager.issue(step, contract, Trigger.retentionRelease(), date, List.of(release), true) != null) {
            step.state = step.state.withRetentionWithheld(BigDecimal.ZERO);
        }
    }
}
