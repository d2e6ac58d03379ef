package io.billwright.simulations.generate;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random streams. Each part of the data set (the firm, one person's week) draws from a stream of its own,
 * derived from the seed and a key, so what one part draws never shifts another, and the same seed gives the
 * same data set.
 */
final class Randoms {

    private Randoms() {
    }

    /** A stream for {@code keys} under {@code seed}. */
    static SplittableRandom stream(long seed, long... keys) {
        long h = mix(seed ^ 0x5DEECE66DL);
        for (long key : keys) {
            h = mix(h ^ (key + 0x9E3779B97F4A7C15L));
        }
        return new SplittableRandom(h);
    }

    /** The SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** True with the given chance, in per mille (25 = 2.5 %). */
    static boolean perMille(SplittableRandom random, int perMille) {
        return random.nextInt(1000) < perMille;
    }

    /** A whole number from {@code low} to {@code high}, both included. */
    static int between(SplittableRandom random, int low, int high) {
        return random.nextInt(low, high + 1);
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One of {@code values}, chosen by {@code weights} (same length, positive whole numbers). */
    static <T> T weighted(SplittableRandom random, List<T> values, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return values.get(i);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** A factor from {@code lowPercent} to {@code highPercent} percent, to two decimals (0.90 to 1.15). */
    static BigDecimal factor(SplittableRandom random, int lowPercent, int highPercent) {
        return BigDecimal.valueOf(between(random, lowPercent, highPercent), 2);
    }
}
