package io.billwright.simulations.compare;

import java.util.Objects;

/**
 * A package whose amounts differ between the baseline and the candidate, or that only one of them issued.
 * Package ids derive from contract, trigger and sequence, so the same invoice has the same id on both
 * sides: this is where a tax-rate or retention change shows invoice by invoice, even when no item's
 * decision changed.
 *
 * @param trigger what issued it: {@code PERIOD_CLOSE 2026-07}, {@code MILESTONE_ACCEPTANCE M2}, ...
 */
public record PackageChange(String packageId, String contractId, String customer, String trigger, String currency,
                            PackageSide baseline, PackageSide candidate) {

    public PackageChange {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
    }
}
