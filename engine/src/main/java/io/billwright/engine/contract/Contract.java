package io.billwright.engine.contract;

import io.billwright.engine.money.Amounts;
import io.billwright.engine.item.Item;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * One version of a contract: the terms that apply from {@code effectiveFrom}.
 *
 * <p>The billing model is kept as it arrived ({@code billingModel}); {@link #model()} is null when the
 * code is unknown, and the rules reject such a version with {@code UNKNOWN_BILLING_MODEL}.
 *
 * @param notToExceed   cap on everything billed under time and materials, or null
 * @param subcontractorMarkupPercent markup on subcontractor cost passed through, or null for no pass-through
 * @param endDate       last day of service, or null when open-ended
 * @param contractValue what the contract is worth in total (its price, or the budget agreed), or null; a
 *                      retention cap may be stated as a percentage of it
 */
public record Contract(ContractId id, int version, ContractStatus status, LocalDate effectiveFrom, LocalDate endDate,
                       Customer customer, SellerEntity seller, Currency currency, String billingModel,
                       RateCard rateCard, BigDecimal notToExceed, List<MilestoneTerms> milestones,
                       List<ScheduleItem> schedule, RetainerTerms retainer, RetentionTerms retention,
                       ExpensePolicy expensePolicy, BigDecimal subcontractorMarkupPercent, ErpTarget erpTarget,
                       BigDecimal contractValue)
        implements Item {

    public Contract {
        Objects.requireNonNull(id, "contract.id");
        Objects.requireNonNull(status, "contract.status");
        Objects.requireNonNull(effectiveFrom, "contract.effectiveFrom");
        Objects.requireNonNull(customer, "contract.customer");
        Objects.requireNonNull(seller, "contract.seller");
        Objects.requireNonNull(currency, "contract.currency");
        Objects.requireNonNull(billingModel, "contract.billingModel");
        if (version < 1) {
            throw new IllegalArgumentException("contract.version must be 1 or more, was " + version);
        }
        Amounts.requireNonNegative(notToExceed, "contract.notToExceed");
        Amounts.requireNonNegative(subcontractorMarkupPercent, "contract.subcontractorMarkupPercent");
        Amounts.requireNonNegative(contractValue, "contract.contractValue");
        if (retention != null && retention.capPercent() != null && contractValue == null) {
            throw new IllegalArgumentException("contract.retention.capPercent is a percentage of the contract value:"
                    + " contract.contractValue is required with it");
        }
        rateCard = rateCard == null ? RateCard.empty() : rateCard;
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
        expensePolicy = expensePolicy == null ? ExpensePolicy.none() : expensePolicy;
        erpTarget = erpTarget == null ? ErpTarget.NETSUITE : erpTarget;
        if (BillingModel.fromCode(billingModel).orElse(null) == BillingModel.RETAINER && retainer == null) {
            throw new IllegalArgumentException("contract.retainer is required for a RETAINER contract");
        }
    }

    /** The billing model, or null when {@link #billingModel()} names none Billwright knows. */
    public BillingModel model() {
        return BillingModel.fromCode(billingModel).orElse(null);
    }

    public boolean isApproved() {
        return status == ContractStatus.APPROVED;
    }

    public boolean passesThroughSubcontractors() {
        return subcontractorMarkupPercent != null;
    }

    public MilestoneTerms milestone(String milestoneId) {
        return milestones.stream().filter(m -> m.id().equals(milestoneId)).findFirst().orElse(null);
    }

    @Override
    public String itemId() {
        return "contract:" + id.value() + "/v" + version;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    @Override
    public io.billwright.engine.item.StateKind stateKind() {
        return io.billwright.engine.item.StateKind.CONTRACT;
    }
}
