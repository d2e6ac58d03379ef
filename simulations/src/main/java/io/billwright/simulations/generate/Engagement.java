package io.billwright.simulations.generate;

import io.billwright.engine.contract.BillingModel;
import io.billwright.engine.contract.ErpTarget;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A contract the firm works under: the terms every version shares, and its versions in number order (the first;
 * on some an amendment from a later month, on some one backdated into a billed month, on a few both).
 *
 * @param start     the first day of work, the first version's effective date
 * @param endDate   the last day of service, or null when open-ended
 * @param completes true when the contract is completed at the end of the data set (retention is released)
 */
record Engagement(int index, String id, BillingModel model, CustomerProfile customer, Currency currency,
                  ErpTarget erp, LocalDate start, LocalDate endDate, boolean completes, List<ContractVersion> versions,
                  List<Milestone> milestones, List<Instalment> schedule, Retainer retainer, Retention retention,
                  ExpenseRules expenseRules, BigDecimal subcontractorMarkup) {

    Engagement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(start, "start");
        versions = List.copyOf(versions);
        milestones = List.copyOf(milestones);
        schedule = List.copyOf(schedule);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException(id + " needs a version");
        }
    }

    Seller seller() {
        return customer.seller();
    }

    boolean amended() {
        return versions.size() > 1;
    }

    /** Whether work may be recorded under the contract on {@code date}. */
    boolean activeOn(LocalDate date) {
        return !date.isBefore(start) && (endDate == null || !date.isAfter(endDate));
    }

    /** The version in force on {@code date}: the latest effective by then (the first before it starts). */
    ContractVersion versionOn(LocalDate date) {
        ContractVersion found = versions.get(0);
        for (ContractVersion version : versions) {
            if (!version.effectiveFrom().isAfter(date)) {
                found = version;
            }
        }
        return found;
    }

    /** The milestone work on {@code date} belongs to (the first not yet due), or null. */
    String milestoneOn(LocalDate date) {
        for (Milestone milestone : milestones) {
            if (!date.isAfter(milestone.due())) {
                return milestone.id();
            }
        }
        return null;
    }

    /**
     * A milestone of a MILESTONE contract.
     *
     * @param acceptanceDelay days from completion to the client's acceptance, or -1 when the client has not
     *                        accepted it by the end of the data set
     */
    record Milestone(String id, String name, BigDecimal amount, LocalDate due, int acceptanceDelay) {
    }

    /** An instalment of a FIXED_FEE contract. */
    record Instalment(String id, LocalDate due, BigDecimal amount, String description) {
    }

    /** The retainer's hours; its fee is in each version, because amendments raise it. */
    record Retainer(BigDecimal includedHours, boolean overageAllowed, boolean rollover) {
    }

    /** Retention terms; {@code cap} may be null. */
    record Retention(BigDecimal percent, BigDecimal cap, String taxPoint) {
    }

    /**
     * The expense policy.
     *
     * @param receiptThreshold above it a receipt is required, or null
     * @param limits           per-expense limit by category, in the contract currency
     * @param dailyLimits      per-person, per-day limit by category (a per diem), in the contract currency
     * @param tripLimits       per-trip limit by category, in the contract currency
     * @param markupPercent    pass-through markup, or null for at cost
     */
    record ExpenseRules(List<String> categories, BigDecimal receiptThreshold, SortedMap<String, BigDecimal> limits,
                        SortedMap<String, BigDecimal> dailyLimits, SortedMap<String, BigDecimal> tripLimits,
                        BigDecimal markupPercent) {
        ExpenseRules {
            categories = List.copyOf(categories);
            limits = Collections.unmodifiableSortedMap(new TreeMap<>(limits));
            dailyLimits = Collections.unmodifiableSortedMap(new TreeMap<>(dailyLimits));
            tripLimits = Collections.unmodifiableSortedMap(new TreeMap<>(tripLimits));
        }

        boolean billable(String category) {
            return categories.contains(category);
        }
    }
}
