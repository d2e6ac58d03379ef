package io.billwright.simulations.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nationwide public holidays of the countries the firm's entities are in (DE, FR, NL, GB, US, CA, AU, SG), as
 * days off: fixed dates, the Easter-based days, the n-th weekdays, and the day off in lieu of a holiday that falls
 * on a weekend where the country gives one. Regional holidays (a German Land, a US state, an Australian state)
 * and the lunar ones of Singapore are left out. Countries without an entity have none.
 *
 * <p>The list is the generator's, so an analyst trying a holiday-rate rule on generated data can use the same
 * days; it is documented in the simulations README.
 */
final class PublicHolidays {

    private final Map<Integer, Map<String, Set<LocalDate>>> byYear = new HashMap<>();

    /** Whether {@code date} is a public holiday (or a day off in lieu of one) in {@code country}. */
    boolean isHoliday(String country, LocalDate date) {
        return byYear.computeIfAbsent(date.getYear(), year -> new HashMap<>())
                .computeIfAbsent(country, c -> Set.copyOf(of(c, date.getYear())))
                .contains(date);
    }

    /** The days off of {@code country} in {@code year}. */
    static Set<LocalDate> of(String country, int year) {
        LocalDate easter = easterSunday(year);
        Set<LocalDate> days = new HashSet<>();
        switch (country) {
            case "DE" -> days.addAll(List.of(date(year, 1, 1), easter.minusDays(2), easter.plusDays(1),
                    date(year, 5, 1), easter.plusDays(39), easter.plusDays(50), date(year, 10, 3),
                    date(year, 12, 25), date(year, 12, 26)));
            case "FR" -> days.addAll(List.of(date(year, 1, 1), easter.plusDays(1), date(year, 5, 1),
                    date(year, 5, 8), easter.plusDays(39), easter.plusDays(50), date(year, 7, 14),
                    date(year, 8, 15), date(year, 11, 1), date(year, 11, 11), date(year, 12, 25)));
            case "NL" -> {
                LocalDate kingsDay = date(year, 4, 27);
                days.addAll(List.of(date(year, 1, 1), easter.plusDays(1),
                        kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY ? kingsDay.minusDays(1) : kingsDay,
                        easter.plusDays(39), easter.plusDays(50), date(year, 12, 25), date(year, 12, 26)));
            }
            case "GB" -> { // England and Wales
                days.addAll(inLieu(List.of(date(year, 1, 1), date(year, 12, 25), date(year, 12, 26))));
                days.addAll(List.of(easter.minusDays(2), easter.plusDays(1),
                        nth(year, Month.MAY, 1, DayOfWeek.MONDAY), last(year, Month.MAY, DayOfWeek.MONDAY),
                        last(year, Month.AUGUST, DayOfWeek.MONDAY)));
            }
            case "US" -> { // federal holidays; a Saturday one is observed on the Friday before
                for (LocalDate day : List.of(date(year, 1, 1), date(year, 6, 19), date(year, 7, 4),
                        date(year, 11, 11), date(year, 12, 25))) {
                    days.add(switch (day.getDayOfWeek()) {
                        case SATURDAY -> day.minusDays(1);
                        case SUNDAY -> day.plusDays(1);
                        default -> day;
                    });
                }
                days.addAll(List.of(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY),
                        nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY), last(year, Month.MAY, DayOfWeek.MONDAY),
                        nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), nth(year, Month.OCTOBER, 2, DayOfWeek.MONDAY),
                        nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY)));
            }
            case "CA" -> { // federal statutory holidays
                days.addAll(inLieu(List.of(date(year, 1, 1), date(year, 7, 1), date(year, 9, 30),
                        date(year, 12, 25), date(year, 12, 26))));
                days.addAll(List.of(easter.minusDays(2),
                        date(year, 5, 24).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                        nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), nth(year, Month.OCTOBER, 2, DayOfWeek.MONDAY)));
            }
            case "AU" -> { // national holidays
                days.addAll(inLieu(List.of(date(year, 1, 1), date(year, 1, 26), date(year, 12, 25),
                        date(year, 12, 26))));
                days.addAll(List.of(easter.minusDays(2), easter.plusDays(1), date(year, 4, 25)));
            }
            case "SG" -> {
                days.addAll(inLieu(List.of(date(year, 1, 1), date(year, 5, 1), date(year, 8, 9),
                        date(year, 12, 25))));
                days.add(easter.minusDays(2));
            }
            default -> {
                // no entity there: no holiday calendar
            }
        }
        return days;
    }

    /**
     * Easter Sunday in the Gregorian calendar, by the anonymous Gregorian computus (Meeus/Jones/Butcher).
     */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** The days, each moved to the next free working day when it falls on a weekend (or on another of them). */
    private static List<LocalDate> inLieu(List<LocalDate> days) {
        List<LocalDate> observed = new ArrayList<>();
        for (LocalDate day : days) {
            LocalDate off = day;
            while (!WorkCalendar.isWorkday(off) || observed.contains(off)) {
                off = off.plusDays(1);
            }
            observed.add(off);
        }
        return observed;
    }

    private static LocalDate date(int year, int month, int day) {
        return MonthDay.of(month, day).atYear(year);
    }

    private static LocalDate nth(int year, Month month, int n, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    private static LocalDate last(int year, Month month, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(day));
    }
}
