package io.billwright.engine;

import io.billwright.engine.contract.BillingModel;

/**
 * Time and materials: hours and expenses are decided as they arrive and billed at each period close, within
 * the not-to-exceed cap that applies to every model. Nothing to add to the common path.
 */
final class TimeAndMaterialsModel implements ModelBilling {

    @Override
    public BillingModel model() {
        return BillingModel.TIME_AND_MATERIALS;
    }
}
