package io.billwright.engine.facts;

import java.math.BigDecimal;

/**
 * A not-to-exceed cap, how much of it eligible items already use, and what is left (contract currency).
 */
public record CapPosition(BigDecimal cap, BigDecimal consumed, BigDecimal remaining) {

    public static CapPosition of(BigDecimal cap, BigDecimal consumed) {
        return new CapPosition(cap, consumed, cap.subtract(consumed).max(BigDecimal.ZERO));
    }
}
