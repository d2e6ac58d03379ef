package io.billwright.engine;

import io.billwright.engine.contract.BillingModel;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ScheduleItem;
import io.billwright.engine.event.BillingPeriod;
import io.billwright.engine.item.ScheduleCharge;
import io.billwright.engine.state.ItemRecord;
import java.util.List;

/** Fixed fee: at each close, the instalments of the schedule are decided (the rules bill those that fell due). */
final class FixedFeeModel implements ModelBilling {

    private final Decider decider;

    FixedFeeModel(Decider decider) {
        this.decider = decider;
    }

    @Override
    public BillingModel model() {
        return BillingModel.FIXED_FEE;
    }

    @Override
    public void closing(Step step, Contract contract, BillingPeriod period) {
        for (ScheduleItem item : contract.schedule()) {
            ScheduleCharge charge = new ScheduleCharge(item.id(), item.dueDate(), item.amount(), item.description(),
                    period.end());
            ItemRecord existing = step.state.recordOf(charge);
            if (existing == null) {
                decider.decide(step, charge, period.end(), null, List.of(step.eventId()), null, true);
            }
        }
    }
}
