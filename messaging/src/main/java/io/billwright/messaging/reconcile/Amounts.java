package io.billwright.messaging.reconcile;

import java.math.BigDecimal;
import java.util.Currency;

/** Amounts as people read them in a report: never rounded, with at least the currency's decimals. */
final class Amounts {

    private Amounts() {
    }

    /** {@code 800.00 EUR} for 800.0000 stored as numeric(19, 4); {@code 12.345 EUR} stays as it is. */
    static String of(BigDecimal amount, String currency) {
        if (amount == null) {
            return "?";
        }
        return plain(amount, currency) + (currency == null ? "" : " " + currency);
    }

    static String plain(BigDecimal amount, String currency) {
        BigDecimal stripped = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
        int digits = minorUnits(currency);
        if (stripped.scale() < digits) {
            stripped = stripped.setScale(digits); // adds zeros only: never rounds
        }
        return stripped.toPlainString();
    }

    /** Equal amounts whatever their scales; a missing amount equals nothing but another missing one. */
    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static int minorUnits(String currency) {
        if (currency == null) {
            return 2;
        }
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }
}
