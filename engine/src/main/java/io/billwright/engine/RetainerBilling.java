package io.billwright.engine;

import io.billwright.engine.billing.Trigger;
import io.billwright.engine.contract.BillingModel;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.eligibility.ItemVerdict;
import io.billwright.engine.item.RetainerFee;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
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

    /**
     * Decides the fee for {@code period} with the version in force on the period's first day, when that
     * version is a retainer and the period is within its term; records it as pending, dated {@code date}.
     * Null when nothing is billable.
     */
    ItemRecord decideFeeFor(Step step, YearMonth period, LocalDate date) {
        Contract contract = step.state.contractOn(period.atDay(1)).orElse(null);
        boolean inTerm = contract != null && contract.model() == BillingModel.RETAINER && contract.retainer() != null
                && (contract.endDate() == null || !period.atDay(1).isAfter(contract.endDate()));
        return inTerm && !step.state.completed() ? decideFee(step, contract, period, date) : null;
    }

    /**
     * Hours used in a month that has closed with rollover changed (a late or corrected entry): the hours
     * rolled into the next month are worked out again, and that month's entries decided again, and so on.
     */
    void recarry(Step step, YearMonth month) {
        YearMonth from = month;
        YearMonth next = from.plusMonths(1);
        while (step.state.retainerCarried().containsKey(next.toString())) {
            Contract contract = step.state.contractOn(from.atEndOfMonth()).orElse(null);
            if (contract == null || contract.retainer() == null) {
                return;
            }
            BigDecimal unused = step.state.retainerHoursLeft(from, contract.retainer().includedHours())
                    .max(BigDecimal.ZERO);
            if (unused.compareTo(step.state.retainerCarried().get(next.toString())) == 0) {
                return;
            }
            step.state = step.state.withRetainerCarried(next, unused);
            YearMonth affected = next;
            decider.reconsider(step, r -> r.item() instanceof TimeEntry && r.date() != null
                    && YearMonth.from(r.date()).equals(affected));
            from = next;
            next = next.plusMonths(1);
        }
    }

    /** Decides the fee for {@code period} and records it as pending, dated {@code date}; null when not billable. */
    ItemRecord decideFee(Step step, Contract contract, YearMonth period, LocalDate date) {
        RetainerFee fee = new RetainerFee(period, contract.retainer().amountPerPeriod());
        ItemRecord existing = step.state.recordOf(fee);
        if (existing != null) {
            return null;
        }
        ItemVerdict verdict = decider.decide(step, fee, date, null, List.of(step.eventId()), null, true);
        return verdict.status() == DecisionStatus.ELIGIBLE ? step.state.recordOf(fee) : null;
    }
}
