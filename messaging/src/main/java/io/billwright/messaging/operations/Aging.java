package io.billwright.messaging.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The aging buckets finance reads held items by: 0-7, 8-30, 31-90 and over 90 days. */
public enum Aging {
    DAYS_0_7("0-7", 0, 7), DAYS_8_30("8-30", 8, 30), DAYS_31_90("31-90", 31, 90), OVER_90("over 90", 91, Long.MAX_VALUE);

    private final String label;
    private final long from;
    private final long to;

    Aging(String label, long from, long to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    /** Whole days between {@code since} and {@code now} (0 on the day itself, never negative). */
    public static long days(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toDays());
    }

    public static Aging of(long days) {
        for (Aging bucket : values()) {
            if (days >= bucket.from && days <= bucket.to) {
                return bucket;
            }
        }
        return OVER_90;
    }

    /** The bucket with this label ({@code 8-30}), or null when there is none. */
    public static Aging byLabel(String label) {
        return List.of(values()).stream().filter(b -> b.label.equalsIgnoreCase(label)).findFirst().orElse(null);
    }
}
