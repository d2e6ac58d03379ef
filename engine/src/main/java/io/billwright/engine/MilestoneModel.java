package io.billwright.engine;

import io.billwright.engine.contract.BillingModel;

/**
 * Milestone billing: a milestone is billed on its own package when it is accepted ({@link MilestoneProgression}
 * follows the milestone events, whatever the model); hours are tracked by the rules. Nothing happens at a close.
 */
final class MilestoneModel implements ModelBilling {

    @Override
    public BillingModel model() {
        return BillingModel.MILESTONE;
    }
}
