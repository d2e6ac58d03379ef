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
 * @param capPercent the most ever withheld as a percentage of the contract value, or null; with {@code cap} as
 *                   well, the lower of the two applies
 */
public record RetentionTerms(BigDecimal percent, BigDecimal cap, RetentionTaxPoint taxPoint, BigDecimal capPercent) {
    public RetentionTerms {
        Objects.requireNonNull(percent, "retention.percent");
        Amounts.requirePercent(percent, "retention.percent");
        Amounts.requireNonNegative(cap, "retention.cap");
        taxPoint = taxPoint == null ? RetentionTaxPoint.AT_INVOICE : taxPoint;
        if (capPercent != null) {
            Amounts.requirePercent(capPercent, "retention.capPercent");
        }
    }

    public RetentionTerms(BigDecimal percent, BigDecimal cap, RetentionTaxPoint taxPoint) {
        this(percent, cap, taxPoint, null);
    }

    /**
     * The most ever withheld under a contract worth {@code contractValue}: the lower of {@code cap} and
     * {@code capPercent} of the value, or null when neither is stated.
     */
    public BigDecimal capFor(BigDecimal contractValue) {
        BigDecimal ofValue = capPercent == null || contractValue == null ? null
                : contractValue.multiply(capPercent).movePointLeft(2);
        if (ofValue == null) {
            return cap;
        }
        return cap == null ? ofValue : cap.min(ofValue);
    }
}
