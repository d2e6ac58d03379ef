package io.billwright.engine.contract;

import java.util.Map;
import java.util.Optional;

/** How a contract earns revenue. */
public enum BillingModel {
    TIME_AND_MATERIALS, FIXED_FEE, MILESTONE, RETAINER;

    /**
     * Codes as they nearly always arrive (the constant's own name), answered without a scan: the engine asks a
     * contract for its model on every event. Anything else takes the case-insensitive scan below.
     */
    private static final Map<String, Optional<BillingModel>> EXACT = Map.of(
            TIME_AND_MATERIALS.name(), Optional.of(TIME_AND_MATERIALS), FIXED_FEE.name(), Optional.of(FIXED_FEE),
            MILESTONE.name(), Optional.of(MILESTONE), RETAINER.name(), Optional.of(RETAINER));

    /** The model for a code as it arrives on the wire, or empty when the code is unknown. */
    public static Optional<BillingModel> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<BillingModel> exact = EXACT.get(code);
        if (exact != null) {
            return exact;
        }
        String trimmed = code.trim();
        for (BillingModel model : values()) {
            if (model.name().equalsIgnoreCase(trimmed)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }
}
