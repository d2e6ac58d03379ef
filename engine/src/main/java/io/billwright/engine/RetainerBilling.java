package io.billwright.engine;

import io.billwright.engine.billing.Trigger;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.eligibility.ItemVerdict;
import io.billwright.engine.item.RetainerFee;
import io.billwright.engine.state.ItemRecord;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Retainer fees, billed in advance: the first period when the contract arrives, each next one at a period close. */
final class RetainerBilling {

    private final Decider decider;
    private final Packager packager;

    RetainerBilling(Decider decider, Packager packager) {
        this.decider = decider;
        this.packager = packager;
    }

    void billFirstPeriod(Step step, Contract contract, YearMonth period) {
        ItemRecord fee = decideFee(step, contract, period, contract.effectiveFrom());
        if (fee != null) {
            packager.issue(step, contract, Trigger.retainerStart(period.toString()), contract.effectiveFrom(),
                    List.of(fee), false);
        }
    }

    /** Decides the fee for {@code period} and records it as pending, dated {@code date}; null when not billable. */
    ItemRecord decideFee(Step step, Contract contract, YearMonth period, LocalDate date) {
        RetainerFee fee = new RetainerFee(period, contract.retainer().amountPerPeriod());
        ItemRecord existing = step.state.items().get(fee.itemId());
        if (existing != null) {
            return null;
        }
        ItemVerdict verdict = decider.decide(step, fee, date, null, List.of(step.eventId()), null, true);
        return verdict.status() == DecisionStatus.ELIGIBLE ? step.state.items().get(fee.itemId()) : null;
    }
}
