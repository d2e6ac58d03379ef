package io.billwright.engine;

import io.billwright.engine.item.Credit;
import io.billwright.engine.ruleset.EngineRule;
import io.billwright.engine.billing.Trigger;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.event.BillingPeriod;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.item.MilestoneItem;
import io.billwright.engine.money.Money;
import io.billwright.engine.state.ItemRecord;
import java.time.LocalDate;
import java.util.List;

/**
 * A billing period closed: the contract's billing model decides what it bills at a close (instalments that
 * fell due, the next retainer fee), credit notes are issued for the credits waiting, then everything eligible
 * and dated up to the period's end goes into one package.
 */
final class PeriodClose {

    private final Packager packager;
    private final BillingModels models;
    private final Completion completions;

    PeriodClose(Packager packager, BillingModels models, Completion completions) {
        this.packager = packager;
        this.models = models;
        this.completions = completions;
    }

    void apply(Step step, BillingPeriod period) {
        completions.releasePending(step);
        Contract contract = step.state.contractOn(period.end()).orElse(null);
        if (contract == null) {
            step.note("period " + period.id() + " closed before any approved contract version: nothing to bill");
            return;
        }
        models.of(contract).closing(step, contract, period);
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
}
