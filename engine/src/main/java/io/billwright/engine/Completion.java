package io.billwright.engine;

import io.billwright.engine.billing.Trigger;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.eligibility.ItemVerdict;
import io.billwright.engine.item.RetentionRelease;
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
            step.note("contract " + step.state.contractId() + " was completed before: nothing changed");
            return;
        }
        step.state = step.state.withCompleted();
        Contract contract = step.state.contractOn(date).orElse(null);
        BigDecimal withheld = step.state.retentionWithheld();
        if (contract == null || withheld.signum() == 0) {
            step.note("contract completed; no retention to release");
            return;
        }
        RetentionRelease release = new RetentionRelease(withheld);
        ItemVerdict verdict = decider.decide(step, release, date, null, List.of(step.eventId()), null, false);
        if (verdict.status() == DecisionStatus.ELIGIBLE
                && packager.issue(step, contract, Trigger.retentionRelease(), date,
                List.of(step.state.items().get(release.itemId())), true) != null) {
            step.state = step.state.withRetentionWithheld(BigDecimal.ZERO);
        }
    }
}
