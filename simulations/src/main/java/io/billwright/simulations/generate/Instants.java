package io.billwright.simulations.generate;

import java.time.LocalDate;

/**
 * Times as epoch seconds (UTC), the generator's one clock, and their RFC 3339 form ({@code 2026-07-03T17:42:05Z}),
 * written without a formatter because a large data set writes a million of them.
 */
final class Instants {

    private long cachedDay = Long.MIN_VALUE;
    private String cachedPrefix;

    /** Epoch seconds of {@code date} at {@code hour:minute:second} UTC. */
    static long at(LocalDate date, int hour, int minute, int second) {
        return date.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
    }

    /** Epoch seconds of the start of {@code date}. */
    static long startOf(LocalDate date) {
        return date.toEpochDay() * 86_400L;
    }

    static LocalDate dateOf(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400L));
    }

    /** The RFC 3339 form, in UTC. */
    String format(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        if (day != cachedDay) {
            cachedDay = day;
            cachedPrefix = LocalDate.ofEpochDay(day) + "T";
        }
        int second = (int) Math.floorMod(epochSecond, 86_400L);
        char[] time = new char[8];
        two(time, 0, second / 3_600);
        time[2] = ':';
        two(time, 3, second / 60 % 60);
        time[5] = ':';
        two(time, 6, second % 60);
        return cachedPrefix + new String(time) + 'Z';
    }

    private static void two(char[] out, int at, int value) {
        out[at] = (char) ('0' + value / 10);
        out[at + 1] = (char) ('0' + value % 10);
    }
}
