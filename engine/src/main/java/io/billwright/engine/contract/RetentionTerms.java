package io.billwright.engine.contract;

import io.billwright.engine.money.Amounts;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A share of each invoice withheld until the contract completes.
 *
 * @param percent  of each package's net amount
 * @param cap      the most that is ever withheld in total, or null for no cap
 * @param taxPoint when the withheld amount is taxed
 */
public record RetentionTerms(BigDecimal percent, BigDecimal cap, RetentionTaxPoint taxPoint) {
    public RetentionTerms {
        Objects.requireNonNull(percent, "retention.percent");
        Amounts.requirePercent(percent, "retention.percent");
        Amounts.requireNonNegative(cap, "retention.cap");
        taxPoint = taxPoint == null ? RetentionTaxPoint.AT_INVOICE : taxPoint;
    }
}
