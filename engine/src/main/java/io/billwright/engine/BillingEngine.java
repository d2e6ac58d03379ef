package io.billwright.engine;

import io.billwright.engine.eligibility.ItemAssessor;
import io.billwright.engine.event.BillingEvent;
import io.billwright.engine.event.BillingPeriodClosed;
import io.billwright.engine.event.ContractCompleted;
import io.billwright.engine.event.ContractReceived;
import io.billwright.engine.event.ExpenseRecorded;
import io.billwright.engine.event.ManualDecision;
import io.billwright.engine.event.MilestoneAccepted;
import io.billwright.engine.event.MilestoneCompleted;
import io.billwright.engine.event.TimeEntryRecorded;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ContractStateStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one decision path. {@link #apply} takes one event and the state of its contract and returns the
 * decisions, the completed packages and the new state. It is a pure function of (state, event, rule
 * set): it reads no clock, changes nothing it was given, and equal inputs give an equal outcome. The
 * service and the simulator both call it.
 */
public final class BillingEngine {

    private final Supplier<RuleSet> ruleSets;
    private final ContractArrival contracts;
    private final ItemArrival items;
    private final MilestoneProgression milestones;
    private final PeriodClose periods;
    private final Completion completions;
    private final ManualDecisions manual = new ManualDecisions();

    /** @param ruleSets the rule set in force; read once per call, so a call never mixes two versions */
    public BillingEngine(Supplier<RuleSet> ruleSets) {
        this.ruleSets = Objects.requireNonNull(ruleSets, "ruleSets");
        BillingModels models = new BillingModels();
        ItemAssessor assessor = new ItemAssessor(models::positions);
        Decider decider = new Decider(assessor, models);
        Packager packager = new Packager();
        RetainerBilling retainers = new RetainerBilling(decider, packager);
        models.register(List.of(new TimeAndMaterialsModel(), new FixedFeeModel(decider), new MilestoneModel(),
                new RetainerModel(retainers, decider)));
        this.milestones = new MilestoneProgression(decider, packager);
        this.completions = new Completion(decider, packager);
        CorrectionSettler corrections = new CorrectionSettler(assessor, decider);
        this.contracts = new ContractArrival(assessor, decider, milestones, models, completions, corrections);
        this.items = new ItemArrival(decider, milestones, retainers, models, corrections);
        this.periods = new PeriodClose(packager, models, completions);
    }

    public static BillingEngine using(RuleSet ruleSet) {
        Objects.requireNonNull(ruleSet, "ruleSet");
        return new BillingEngine(() -> ruleSet);
    }

    public Outcome apply(BillingEvent event, ContractState state) {
        if (!event.contractId().equals(state.contractId())) {
            throw new IllegalArgumentException("event " + event.id() + " is for contract " + event.contractId()
                    + ", state is for " + state.contractId());
        }
        if (state.hasProcessed(event.id())) {
            return new Outcome(event.id(), List.of(), List.of(), state,
                    List.of("event " + event.id() + " was applied before: nothing changed"), true);
        }
        Step step = new Step(event, ruleSets.get(), state.withProcessed(event.id()));
        dispatch(step, event);
        return step.outcome();
    }

    /** Loads the contract's state, applies the event, and saves the new state. */
    public Outcome apply(BillingEvent event, ContractStateStore store) {
        Outcome outcome = apply(event, store.loadOrEmpty(event.contractId()));
        if (!outcome.duplicate()) {
            store.save(outcome.state());
        }
        return outcome;
    }

    private void dispatch(Step step, BillingEvent event) {
        if (event instanceof ContractReceived e) {
            contracts.apply(step, e.contract());
        } else if (event instanceof TimeEntryRecorded e) {
            items.apply(step, e.entry(), e.entry().date(), e.entry().milestoneId());
        } else if (event instanceof ExpenseRecorded e) {
            items.apply(step, e.expense(), e.expense().date(), e.expense().milestoneId());
        } else if (event instanceof MilestoneCompleted e) {
            milestones.completed(step, e.milestoneId(), e.date());
        } else if (event instanceof MilestoneAccepted e) {
            milestones.accepted(step, e.milestoneId(), e.date());
        } else if (event instanceof BillingPeriodClosed e) {
            periods.apply(step, e.period());
        } else if (event instanceof ContractCompleted e) {
            completions.apply(step, e.date());
        } else if (event instanceof ManualDecision e) {
            manual.apply(step, e);
        } else {
            throw new IllegalArgumentException("unknown event type " + event.getClass().getName());
        }
    }
}
