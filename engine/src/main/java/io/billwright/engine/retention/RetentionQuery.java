package io.billwright.engine.retention;

import java.math.BigDecimal;

/**
 * A package about to be issued under retention terms.
 *
 * @param cap null when the contract sets no cap
 */
public record RetentionQuery(BigDecimal net, BigDecimal percent, BigDecimal cap, BigDecimal withheldToDate) {
    public BigDecimal capRemaining() {
        return cap == null ? null : cap.subtract(withheldToDate).max(BigDecimal.ZERO);
    }
}
