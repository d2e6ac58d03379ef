package io.billwright.simulations.generate;

import java.time.LocalDate;

/**
 * The date strings items carry ({@code 2026-07-06} in {@code date}, {@code 20260706} in ids), made once per day of
 * the data set instead of once per item: a million items would otherwise make two million short-lived strings,
 * many of them held while their messages are in flight.
 */
final class DayLabels {

    private final long firstDay;
    private final String[] iso;
    private final String[] compact;

    DayLabels(LocalDate from, LocalDate to) {
        this.firstDay = from.toEpochDay();
        int days = (int) (to.toEpochDay() - firstDay + 1);
        this.iso = new String[days];
        this.compact = new String[days];
        for (int i = 0; i < days; i++) {
            LocalDate day = from.plusDays(i);
            iso[i] = day.toString();
            compact[i] = compactOf(day);
        }
    }

    /** {@code 2026-07-06}. */
    String iso(LocalDate date) {
        int at = index(date);
        return at < 0 ? date.toString() : iso[at];
    }

    /** {@code 20260706}. */
    String compact(LocalDate date) {
        int at = index(date);
        return at < 0 ? compactOf(date) : compact[at];
    }

    private int index(LocalDate date) {
        long at = date.toEpochDay() - firstDay;
        return at >= 0 && at < iso.length ? (int) at : -1;
    }

    private static String compactOf(LocalDate date) {
        return Integer.toString(date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth());
    }
}
