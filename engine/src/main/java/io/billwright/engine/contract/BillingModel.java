package io.billwright.engine.contract;

import java.util.Optional;

/** How a contract earns revenue. */
public enum BillingModel {
    TIME_AND_MATERIALS, FIXED_FEE, MILESTONE, RETAINER;

    /** The model for a code as it arrives on the wire, or empty when the code is unknown. */
    public static Optional<BillingModel> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (BillingModel model : values()) {
            if (model.name().equalsIgnoreCase(code.trim())) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }
}
