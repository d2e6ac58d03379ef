package io.billwright.simulations.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What to generate: a firm of {@code people} working {@code months} months from {@code start}, drawn from
 * {@code seed}. The same options always give the same file, byte for byte.
 *
 * <p>A finance user thinks in people and months ({@link #of}); a load test thinks in events
 * ({@link #forEvents}), which sizes the firm to land near the target (within a few percent).
 *
 * @param seed   any number; the same seed gives the same data set
 * @param people people recording time, 1 to 1,000,000
 * @param months months of work, 1 to 36
 * @param start  the first month of work; contracts arrive in the weeks before it
 */
public record GeneratorOptions(long seed, int people, int months, YearMonth start) {

    public static final int DEFAULT_PEOPLE = 3000;
    public static final int DEFAULT_MONTHS = 3;
    public static final YearMonth DEFAULT_START = YearMonth.of(2026, 7);

    /** Events a person causes in a month, on average (time entries, expenses and their share of the rest). */
    static final int EVENTS_PER_PERSON_MONTH = 55;

    public GeneratorOptions {
        Objects.requireNonNull(start, "start");
        if (people < 1 || people > 1_000_000) {
            throw new IllegalArgumentException("people must be 1 to 1,000,000, was " + people);
        }
        if (months < 1 || months > 36) {
            throw new IllegalArgumentException("months must be 1 to 36, was " + months);
        }
    }

    /** A firm of {@code people} over {@code months} months from {@code start}. */
    public static GeneratorOptions of(long seed, int people, int months, YearMonth start) {
        return new GeneratorOptions(seed, people, months, start);
    }

    /** The defaults: a 3,000-person firm's quarter from July 2026. */
    public static GeneratorOptions defaults(long seed) {
        return new GeneratorOptions(seed, DEFAULT_PEOPLE, DEFAULT_MONTHS, DEFAULT_START);
    }

    /**
     * A firm sized so that {@code months} months from {@code start} come to about {@code events} events:
     * {@code forEvents(seed, 1_000_000, 3, YearMonth.of(2026, 7))} is a firm of about 6,000 people.
     */
    public static GeneratorOptions forEvents(long seed, long events, int months, YearMonth start) {
        if (events < 1) {
            throw new IllegalArgumentException("events must be 1 or more, was " + events);
        }
        long perPerson = (long) EVENTS_PER_PERSON_MONTH * months;
        long people = Math.max(1, (events + perPerson / 2) / perPerson);
        return new GeneratorOptions(seed, (int) Math.min(people, 1_000_000), months, start);
    }

    /** About how many events these options give. */
    public long estimatedEvents() {
        return (long) people * months * EVENTS_PER_PERSON_MONTH;
    }

    /** The first day of work. */
    public LocalDate firstDay() {
        return start.atDay(1);
    }

    /** The last day of work. */
    public LocalDate lastDay() {
        return start.plusMonths(months - 1L).atEndOfMonth();
    }

    /** The months of work, in order. */
    public List<YearMonth> monthList() {
        return Stream.iterate(start, m -> m.plusMonths(1)).limit(months).toList();
    }
}
