package io.billwright.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads a CloudEvents {@code time} as {@link OffsetDateTime#parse} does. Nearly every message has the plain
 * UTC form {@code 2026-01-05T17:30:00Z} (the generator writes only that), which is read here digit by digit at a
 * fraction of the formatter's cost; any other form, and any plain one whose fields are out of range (a 30
 * February, hour 24, second 60), goes to {@code OffsetDateTime.parse}, so results and failures stay its own.
 */
final class EventTime {

    private static final int PLAIN_UTC_LENGTH = "2026-01-05T17:30:00Z".length();

    private EventTime() {
    }

    /** @throws java.time.format.DateTimeParseException as {@link OffsetDateTime#parse} throws it */
    static Instant parse(String text) {
        Instant plain = plainUtc(text);
        return plain != null ? plain : OffsetDateTime.parse(text).toInstant();
    }

    /** The instant of a valid {@code yyyy-MM-ddTHH:mm:ssZ}, or null for anything else. */
    static Instant plainUtc(String text) {
        if (text.length() != PLAIN_UTC_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            // LocalDateTime.of checks the same ranges and calendar as the ISO formatter's strict resolving
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The value of {@code count} ASCII digits from {@code from}, or -1 if one is not. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
