package io.billwright.engine;

import io.billwright.engine.contract.BillingModel;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.item.Item;
import io.billwright.engine.state.ContractState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The billing models the engine knows, one {@link ModelBilling} each. A contract whose model code is unknown
 * gets none of them (the rules reject it, {@code UNKNOWN_BILLING_MODEL}): it behaves as time and materials
 * would, with nothing added.
 */
final class BillingModels {

    private static final ModelBilling UNKNOWN = new TimeAndMaterialsModel();

    private final Map<BillingModel, ModelBilling> models = new EnumMap<>(BillingModel.class);

    /**
     * Registers every model once the engine's parts exist (the models use the decider, which asks them for
     * kinds and positions): called once, before the first event.
     */
    void register(List<ModelBilling> all) {
        all.forEach(model -> models.put(model.model(), model));
        for (BillingModel model : BillingModel.values()) {
            if (!models.containsKey(model)) {
                throw new IllegalStateException("no ModelBilling for " + model);
            }
        }
    }

    /** The contract's model, or one that adds nothing when there is no contract or its model is unknown. */
    ModelBilling of(Contract contract) {
        return contract == null || contract.model() == null ? UNKNOWN : models.get(contract.model());
    }

    /** For the assessor: the positions the contract's model shows beside an item. */
    List<Object> positions(Item item, Contract contract, ContractState state) {
        return of(contract).positions(item, contract, state);
    }
}
