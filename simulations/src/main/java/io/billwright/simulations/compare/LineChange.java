package io.billwright.simulations.compare;

import java.util.Objects;

/**
 * An item whose decision or amounts differ between the baseline and the candidate.
 *
 * @param customer     customer id and name
 * @param jurisdiction the customer's tax jurisdiction (country, or country-region)
 * @param kind         TIME_ENTRY, EXPENSE, MILESTONE, SCHEDULE_CHARGE, RETAINER_FEE, ...
 * @param month        the month of the item's date (2026-07)
 */
public record LineChange(String contractId, String customer, String billingModel, String jurisdiction, String itemId,
                         String kind, String month, String currency, ItemSide baseline, ItemSide candidate) {

    public LineChange {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
    }
}
