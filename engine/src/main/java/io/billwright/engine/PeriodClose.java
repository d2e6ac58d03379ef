package io.billwright.engine;

import io.billwright.engine.billing.Trigger;
import io.billwright.engine.contract.BillingModel;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ScheduleItem;
import io.billwright.engine.event.BillingPeriod;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.item.ScheduleCharge;
import io.billwright.engine.state.ItemRecord;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A billing period closed: instalments that fell due and the next retainer fee are decided, then
 * everything eligible and dated up to the period's end goes into one package.
 */
final class PeriodClose {

    private final Decider decider;
    private final Packager packager;
    private final RetainerBilling retainers;

    PeriodClose(Decider decider, Packager packager, RetainerBilling retainers) {
        this.decider = decider;
        this.packager = packager;
        this.retainers = retainers;
    }

    void apply(Step step, BillingPeriod period) {
        Contract contract = step.state.contractOn(period.end()).orElse(null);
        if (contract == null) {
            step.note("period " + period.id() + " closed before any approved contract version: nothing to bill");
            return;
        }
        if (contract.model() == BillingModel.FIXED_FEE) {
            decideInstalments(step, contract, period.end());
        }
        if (contract.model() == BillingModel.RETAINER && contract.retainer() != null) {
            closeRetainerPeriod(step, contract, period.end());
        }
        List<ItemRecord> due = step.state.itemsSorted().stream()
                .filter(r -> r.isPending() && r.kind() != ItemKind.MILESTONE && r.date() != null
                        && !r.date().isAfter(period.end()))
                .toList();
        if (due.isEmpty()) {
            step.note("period " + period.id() + ": nothing eligible to bill");
            return;
        }
        packager.issue(step, contract, Trigger.periodClose(period.id()), period.end(), due, false);
    }

    private void decideInstalments(Step step, Contract contract, LocalDate periodEnd) {
        for (ScheduleItem item : contract.schedule()) {
            ScheduleCharge charge = new ScheduleCharge(item.id(), item.dueDate(), item.amount(), item.description(),
                    periodEnd);
            ItemRecord existing = step.state.items().get(charge.itemId());
            if (existing == null) {
                decider.decide(step, charge, periodEnd, null, List.of(step.eventId()), null, true);
            }
        }
    }

    private void closeRetainerPeriod(Step step, Contract contract, LocalDate periodEnd) {
        LocalDate nextStart = periodEnd.plusDays(1);
        boolean continues = !step.state.completed()
                && (contract.endDate() == null || !nextStart.isAfter(contract.endDate()));
        if (continues) {
            retainers.decideFee(step, contract, YearMonth.from(nextStart), periodEnd);
        }
        var terms = contract.retainer();
        var remaining = step.state.retainerHours().max(java.math.BigDecimal.ZERO);
        step.state = step.state.withRetainerHours(terms.rollover() ? remaining.add(terms.includedHours())
                : terms.includedHours());
        if (remaining.signum() > 0) {
            step.note(remaining.toPlainString() + " unused retainer hours " + (terms.rollover() ? "rolled over" : "expired"));
        }
    }
}
