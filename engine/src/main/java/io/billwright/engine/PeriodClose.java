package io.billwright.engine;

import io.billwright.engine.item.Credit;
import io.billwright.engine.ruleset.EngineRule;
import io.billwright.engine.billing.Trigger;
import io.billwright.engine.contract.BillingModel;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.RetainerTerms;
import io.billwright.engine.contract.ScheduleItem;
import io.billwright.engine.event.BillingPeriod;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.item.MilestoneItem;
import io.billwright.engine.money.Money;
import io.billwright.engine.item.ScheduleCharge;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
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
    private final Completion completions;

    PeriodClose(Decider decider, Packager packager, RetainerBilling retainers, Completion completions) {
        this.decider = decider;
        this.packager = packager;
        this.retainers = retainers;
        this.completions = completions;
    }

    void apply(Step step, BillingPeriod period) {
        completions.releasePending(step);
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
        retryMilestones(step, period.end());
        packager.issueCreditNotes(step, contract, period);
        List<ItemRecord> due = step.state.itemsSorted(r -> r.isPending() && !(r.item() instanceof Credit)
                        && r.kind() != ItemKind.MILESTONE
                        && r.kind() != ItemKind.RETENTION_RELEASE && r.date() != null && !r.date().isAfter(period.end()))
                .stream()
                .filter(r -> sameCurrency(step, r, contract))
                .toList();
        if (due.isEmpty()) {
            step.note("period " + period.id() + ": nothing eligible to bill");
            return;
        }
        packager.issue(step, contract, Trigger.periodClose(period.id()), period.end(), due, false, period.start());
    }

    /** An accepted milestone whose package could not be issued (no tax rate) is tried again. */
    private void retryMilestones(Step step, LocalDate periodEnd) {
        for (ItemRecord record : step.state.itemsSorted(r -> r.isPending() && r.item() instanceof MilestoneItem)) {
            if (record.item() instanceof MilestoneItem milestone) {
                step.state.contractOn(record.date()).ifPresent(contract -> packager.issue(step, contract,
                        Trigger.milestone(milestone.milestoneId()), record.date(), List.of(record), false));
            }
        }
    }

    /**
     * An item priced under a version in another currency than the one billing now cannot share its
     * package: it is held until an amendment prices it again.
     */
    private static boolean sameCurrency(Step step, ItemRecord record, Contract billing) {
        Contract priced = step.state.contractOn(record.date()).orElse(billing);
        if (priced.currency().equals(billing.currency())) {
            return true;
        }
        step.decisions.add(new Decision(record.itemId(), record.kind(), DecisionStatus.HELD,
                ReasonCode.CURRENCY_MISMATCH, "priced in " + priced.currencyCode() + " under v" + priced.version()
                + ", but the contract bills in " + billing.currencyCode() + " under v" + billing.version(),
                new Money(record.pending(), priced.currency()),
                record.receipt().withRules(List.of(EngineRule.CURRENCY_MISMATCH.ruleName()))));
        return false;
    }

    private void decideInstalments(Step step, Contract contract, LocalDate periodEnd) {
        for (ScheduleItem item : contract.schedule()) {
            ScheduleCharge charge = new ScheduleCharge(item.id(), item.dueDate(), item.amount(), item.description(),
                    periodEnd);
            ItemRecord existing = step.state.recordOf(charge);
            if (existing == null) {
                decider.decide(step, charge, periodEnd, null, List.of(step.eventId()), null, true);
            }
        }
    }

    /**
     * Bills, in advance, every retainer fee from the contract's first month up to the month after this
     * period (catching up on periods closed before the contract arrived), then rolls this month's
     * unused hours into the next month or lets them expire.
     */
    private void closeRetainerPeriod(Step step, Contract contract, LocalDate periodEnd) {
        YearMonth next = YearMonth.from(periodEnd.plusDays(1));
        YearMonth first = step.state.versions().values().stream().map(c -> YearMonth.from(c.effectiveFrom()))
                .min(YearMonth::compareTo).orElse(next);
        for (YearMonth month = first; !month.isAfter(next); month = month.plusMonths(1)) {
            retainers.decideFeeFor(step, month, periodEnd);
        }
        RetainerTerms terms = contract.retainer();
        YearMonth month = YearMonth.from(periodEnd);
        BigDecimal unused = step.state.retainerHoursLeft(month, terms.includedHours()).max(BigDecimal.ZERO);
        if (terms.rollover()) {
            step.state = step.state.withRetainerCarried(next, unused);
            // hours of the next month recorded early were decided without the hours rolled into it
            decider.reconsider(step, r -> r.item() instanceof TimeEntry && r.date() != null
                    && YearMonth.from(r.date()).equals(next));
        }
        if (unused.signum() > 0) {
            step.note(unused.toPlainString() + " unused retainer hours of " + month + " "
                    + (terms.rollover() ? "rolled into " + next : "expired"));
        }
    }
}
