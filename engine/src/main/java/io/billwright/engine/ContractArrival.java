package io.billwright.engine;

import io.billwright.engine.state.ItemRecord;
import io.billwright.engine.item.Expense;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.ruleset.EngineRule;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractStatus;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.eligibility.ItemAssessor;
import io.billwright.engine.eligibility.ItemVerdict;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.item.RetainerFee;
import io.billwright.engine.item.ScheduleCharge;
import io.billwright.engine.money.Money;
import java.util.List;

/**
 * A contract version arrived. Only approved versions apply; a version number seen before with other
 * terms is rejected; a late older version is kept for the dates before the newer one takes effect.
 * Held items are then decided again, since the new terms may release them.
 */
final class ContractArrival {

    private final ItemAssessor assessor;
    private final Decider decider;
    private final MilestoneProgression milestones;
    private final BillingModels models;
    private final Completion completions;
    private final CorrectionSettler corrections;

    ContractArrival(ItemAssessor assessor, Decider decider, MilestoneProgression milestones,
                    BillingModels models, Completion completions, CorrectionSettler corrections) {
        this.corrections = corrections;
        this.assessor = assessor;
        this.decider = decider;
        this.milestones = milestones;
        this.models = models;
        this.completions = completions;
    }

    void apply(Step step, Contract contract) {
        ItemVerdict check = assessor.assess(step.rules, contract, ItemKind.CONTRACT, null, step.state,
                List.of(step.eventId()), true);
        if (check.status() == DecisionStatus.REJECTED || check.status() == DecisionStatus.HELD) {
            step.decisions.addAll(check.decisions());
            return;
        }
        if (contract.status() == ContractStatus.CANCELLED && step.state.versions().containsKey(contract.version())) {
            step.state = step.state.withoutVersion(contract.version());
            step.note("contract " + contract.id() + " v" + contract.version() + " was cancelled: it no longer applies");
            decider.reconsider(step, record -> true);
            milestones.reconsiderAll(step);
            return;
        }
        if (!contract.isApproved()) {
            step.note("contract " + contract.id() + " v" + contract.version() + " is " + contract.status()
                    + ": only approved versions apply; nothing changed");
            return;
        }
        Contract known = step.state.versions().get(contract.version());
        if (known != null) {
            if (!known.equals(contract)) {
                step.decisions.add(new Decision(contract.itemId(), ItemKind.CONTRACT, DecisionStatus.REJECTED,
                        ReasonCode.STALE_CONTRACT_VERSION, "version " + contract.version()
                        + " was received before with other terms; an amendment needs a new version number",
                        Money.zero(contract.currency()),
                        new Receipt(step.rules.version().toString(),
                                List.of(EngineRule.STALE_CONTRACT_VERSION.ruleName()), known.version(),
                                List.of(step.eventId()))));
            } else {
                step.note("contract " + contract.id() + " v" + contract.version() + " was received before: nothing changed");
            }
            return;
        }
        boolean first = !step.state.hasContract();
        int newest = step.state.latestContract().map(Contract::version).orElse(0);
        step.state = step.state.withVersion(contract);
        if (contract.version() < newest) {
            step.note("contract " + contract.id() + " v" + contract.version() + " arrived after v" + newest
                    + ": it applies only to dates before v" + newest + " takes effect");
        }
        if (first) {
            models.of(contract).started(step, contract);
        }
        decider.withdraw(step, record -> record.item() instanceof ScheduleCharge || record.item() instanceof RetainerFee);
        repriceBilled(step, contract);
        decider.reconsider(step, record -> true);
        milestones.reconsiderAll(step);
        completions.releasePending(step);
    }

    /**
     * An amendment in force on dates already invoiced (a rate changed with a past effective date) prices the
     * time entries and expenses billed on those dates again: each whose amount changes is a correction, settled
     * by the rules like any other. Items priced the same are left alone, without a decision.
     */
    private void repriceBilled(Step step, Contract contract) {
        List<ItemRecord> billed = step.state.itemsSorted(record -> record.isBilled()
                && (record.item() instanceof TimeEntry || record.item() instanceof Expense) && record.date() != null
                && record.receipt().contractVersion() != contract.version()
                && step.state.contractOn(record.date()).map(c -> c.version() == contract.version()).orElse(false));
        for (ItemRecord record : billed) {
            ItemRecord current = step.state.items().get(record.key());
            if (current != null && current.isBilled()) {
                corrections.settleIfRepriced(step, current, record.date(), record.milestoneId());
            }
        }
    }
}
