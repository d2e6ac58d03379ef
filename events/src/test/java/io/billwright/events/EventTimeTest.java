package io.billwright.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick reading of the plain UTC form gives what {@link OffsetDateTime#parse} gives, and fails where it fails. */
class EventTimeTest {

    @Test
    void readsEveryDayOfLeapAndCommonYearsAsTheFormatterDoes() {
        List<String> texts = new ArrayList<>();
        for (int year : new int[]{0, 1, 1900, 1970, 2000, 2024, 2026, 2100, 9999}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    texts.add("%04d-%02d-%02dT12:34:56Z".formatted(year, month, day));
                }
            }
        }
        texts.forEach(EventTimeTest::sameAsTheFormatter);
    }

    @Test
    void readsEveryTimeOfDayAndTheOutOfRangeOnesAsTheFormatterDoes() {
        for (int hour = 0; hour <= 25; hour++) {
            for (int minute = 0; minute <= 61; minute += 1) {
                sameAsTheFormatter("2026-01-05T%02d:%02d:00Z".formatted(hour, minute));
                sameAsTheFormatter("2026-01-05T%02d:59:%02dZ".formatted(hour, minute));
            }
        }
    }

    @Test
    void leavesOtherFormsToTheFormatter() {
        for (String text : List.of("2026-01-05T17:30:00z", "2026-01-05t17:30:00Z", "2026-01-05T17:30:00.5Z",
                "2026-01-05T17:30:00+01:00", "2026-01-05T17:30:00-00:00", "2026-01-05 17:30:00Z", "2026-1-05T17:30:00Z",
                "+2026-01-05T17:30:00Z", "２026-01-05T17:30:00Z", "2026-01-05T17:30:0aZ", "2026-01-05T17:30:00ZZ", "",
                "-001-01-05T17:30:00Z", "2026/01/05T17:30:00Z", "2026-01-05T17-30:00Z", "2026-01-05T17:30-00Z")) {
            sameAsTheFormatter(text);
        }
        assertThat(EventTime.plainUtc("2026-01-05T17:30:00.5Z")).isNull();
        assertThat(EventTime.plainUtc("2026-01-05T17:30:00Z")).isEqualTo(Instant.parse("2026-01-05T17:30:00Z"));
    }

    @Test
    void agreesWithTheFormatterOnRandomPlainLookingTexts() {
        Random random = new Random(7);
        String alphabet = "0123456789012345678901234567890123456789-:TZ";
        for (int i = 0; i < 50_000; i++) {
            char[] text = "%04d-%02d-%02dT%02d:%02d:%02dZ".formatted(random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)).toCharArray();
            int changes = random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            sameAsTheFormatter(new String(text));
        }
    }

    private static void sameAsTheFormatter(String text) {
        Object expected;
        try {
            expected = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            expected = e.getClass();
        }
        Object actual;
        try {
            actual = EventTime.parse(text);
        } catch (DateTimeParseException e) {
            actual = e.getClass();
        }
        assertThat(actual).as(text).isEqualTo(expected);
    }
}
