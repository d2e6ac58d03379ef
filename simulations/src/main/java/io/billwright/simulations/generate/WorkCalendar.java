package io.billwright.simulations.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Working days: Monday to Friday, for the firm's business dates (submissions, approvals, closes). Time entries
 * also keep to the public holidays of a person's country ({@link PublicHolidays}).
 */
final class WorkCalendar {

    private WorkCalendar() {
    }

    static boolean isWorkday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** Working days from {@code from} to {@code to}, both included (0 when {@code to} is before {@code from}). */
    static int workdays(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkday(day)) {
                count++;
            }
        }
        return count;
    }

    /** {@code date}, or the working day before it when it falls on a weekend. */
    static LocalDate workdayOnOrBefore(LocalDate date) {
        LocalDate day = date;
        while (!isWorkday(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** {@code date}, or the working day after it when it falls on a weekend. */
    static LocalDate workdayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkday(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** {@code days} working days after {@code date}. */
    static LocalDate plusWorkdays(LocalDate date, int days) {
        LocalDate day = date;
        for (int i = 0; i < days; i++) {
            day = workdayOnOrAfter(day.plusDays(1));
        }
        return day;
    }

    /** The {@code n}-th working day of {@code month} (1 is the first). */
    static LocalDate businessDay(YearMonth month, int n) {
        LocalDate day = workdayOnOrAfter(month.atDay(1));
        return plusWorkdays(day, n - 1);
    }
}
