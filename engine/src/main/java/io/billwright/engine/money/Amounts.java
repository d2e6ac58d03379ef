package io.billwright.engine.money;

import java.math.BigDecimal;

/** Checks for amounts in contract terms, which are never negative. */
public final class Amounts {

    private Amounts() {
    }

    /** The same number with no trailing zeros ({@code 8.0} and {@code 8} become equal values); null stays null. */
    public static BigDecimal normalized(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Returns {@code value} (null allowed) or fails naming {@code field} when it is negative. */
    public static BigDecimal requireNonNegative(BigDecimal value, String field) {
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    /** Returns {@code value} (null allowed) or fails naming {@code field} when it is not a percentage from 0 to 100. */
    public static BigDecimal requirePercent(BigDecimal value, String field) {
        if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException(field + " must be a percentage from 0 to 100, was " + value.toPlainString());
        }
        return value;
    }
}
