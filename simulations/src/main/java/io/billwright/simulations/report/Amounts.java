package io.billwright.simulations.report;

import java.math.BigDecimal;

/** How the report prints amounts: exactly as computed ({@link BigDecimal#toPlainString()}), never via double. */
final class Amounts {

    private Amounts() {
    }

    static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }

    /** A delta with its sign: {@code +12.50}, {@code -3.00}, {@code 0.00}. */
    static String signed(BigDecimal delta) {
        return delta.signum() > 0 ? "+" + delta.toPlainString() : delta.toPlainString();
    }

    /** The CSS class that colours a delta. */
    static String deltaClass(BigDecimal delta) {
        return switch (delta.signum()) {
            case 1 -> "up";
            case -1 -> "down";
            default -> "same";
        };
    }
}
