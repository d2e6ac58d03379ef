package io.billwright.simulations.report;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * How the reports print amounts for reading: thousands separated by commas, a decimal point, and the currency's
 * minor units ({@code 24,361,055.51} EUR, {@code 1,500} JPY), whatever the machine's locale. Nothing is
 * rounded: an amount with more decimals than its currency has (a rate applied to a fraction) shows them all.
 * Built on {@link BigDecimal#toPlainString()}, never via double. The CSV files keep plain decimals for machines.
 */
public final class Amounts {

    private static final int DEFAULT_DIGITS = 2;

    private Amounts() {
    }

    /** The currency's minor units ({@code 2} for EUR, {@code 0} for JPY); 2 for an unknown code. */
    public static int minorUnits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? DEFAULT_DIGITS : digits;
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return DEFAULT_DIGITS;
        }
    }

    /** {@code 24,361,055.51}: grouped, with at least the currency's minor units and never fewer than it has. */
    public static String format(BigDecimal amount, String currency) {
        int needed = Math.min(amount.scale(), Math.max(amount.stripTrailingZeros().scale(), 0));
        return grouped(amount.setScale(Math.max(minorUnits(currency), needed)));
    }

    /** A delta with its sign: {@code +1,212.50}, {@code -3.00}, {@code 0.00}. */
    public static String signed(BigDecimal delta, String currency) {
        return (delta.signum() > 0 ? "+" : "") + format(delta, currency);
    }

    /** Grouped as it is, without minor units added: an axis tick ({@code 250,000}). */
    static String grouped(BigDecimal amount) {
        String plain = amount.toPlainString();
        int start = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder out = new StringBuilder(plain.length() + (end - start) / 3);
        out.append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, end, plain.length()).toString();
    }

    /** Excel's number format for a currency with {@code minorUnits} decimals: grouped, negatives in red. */
    static String excelFormat(int minorUnits) {
        String number = minorUnits == 0 ? "#,##0" : "#,##0." + "0".repeat(minorUnits);
        return number + ";[Red]-" + number;
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
