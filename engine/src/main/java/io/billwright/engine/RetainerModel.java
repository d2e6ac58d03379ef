package io.billwright.engine;

import io.billwright.engine.contract.BillingModel;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.RetainerTerms;
import io.billwright.engine.event.BillingPeriod;
import io.billwright.engine.facts.RetainerPosition;
import io.billwright.engine.item.Item;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.state.ContractState;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Retainer: the fee is billed in advance (the first period when the contract arrives, each next one at a
 * close), hours draw on the month's included hours (the rules see what is left), hours past them bill as
 * overage, and unused hours roll into the next month or expire at the close.
 */
final class RetainerModel implements ModelBilling {

    private final RetainerBilling retainers;
    private final Decider decider;

    RetainerModel(RetainerBilling retainers, Decider decider) {
        this.retainers = retainers;
        this.decider = decider;
    }

    @Override
    public BillingModel model() {
        return BillingModel.RETAINER;
    }

    @Override
    public void started(Step step, Contract contract) {
        if (contract.retainer() != null) {
            retainers.billFirstPeriod(step, contract, YearMonth.from(contract.effectiveFrom()));
        }
    }

    /**
     * Bills, in advance, every retainer fee from the contract's first month up to the month after this
     * period (catching up on periods closed before the contract arrived), then rolls this month's unused
     * hours into the next month or lets them expire.
     */
    @Override
    public void closing(Step step, Contract contract, BillingPeriod period) {
        if (contract.retainer() == null) {
            return;
        }
        YearMonth next = YearMonth.from(period.end().plusDays(1));
        YearMonth first = step.state.versions().values().stream().map(c -> YearMonth.from(c.effectiveFrom()))
                .min(YearMonth::compareTo).orElse(next);
        for (YearMonth month = first; !month.isAfter(next); month = month.plusMonths(1)) {
            retainers.decideFeeFor(step, month, period.end());
        }
        RetainerTerms terms = contract.retainer();
        YearMonth month = YearMonth.from(period.end());
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

    @Override
    public ItemKind timeKind() {
        return ItemKind.RETAINER_OVERAGE;
    }

    @Override
    public List<Object> positions(Item item, Contract contract, ContractState state) {
        if (contract.retainer() != null && item instanceof TimeEntry entry) {
            return List.of(new RetainerPosition(state.retainerHoursLeft(YearMonth.from(entry.date()),
                    contract.retainer().includedHours())));
        }
        return List.of();
    }

    @Override
    public boolean entriesShareTheirMonth() {
        return true;
    }
}
