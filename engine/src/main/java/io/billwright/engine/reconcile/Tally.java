package io.billwright.engine.reconcile;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How many items, and what they amount to, in the contract currency.
 *
 * @param count  items (a remainder a cap held back counts as an item of its own)
 * @param amount their total, unrounded beyond the amounts the state keeps
 */
public record Tally(int count, BigDecimal amount) {

    public static final Tally NONE = new Tally(0, BigDecimal.ZERO);

    public Tally {
        Objects.requireNonNull(amount, "amount");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
    }

    /** This tally with one more item of {@code more}. */
    public Tally plus(BigDecimal more) {
        return new Tally(count + 1, amount.add(more));
    }

    public Tally plus(Tally other) {
        return new Tally(count + other.count, amount.add(other.amount));
    }
}
