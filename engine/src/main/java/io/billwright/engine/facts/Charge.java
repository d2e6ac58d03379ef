package io.billwright.engine.facts;

import io.billwright.engine.item.Item;
import java.math.BigDecimal;
import java.util.Objects;

/** The item may be billed for {@code amount} (unrounded, contract currency); {@code basis} says how it was priced. */
public record Charge(String itemId, BigDecimal amount, String basis) implements Conclusion {
    public Charge {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(amount, "amount");
        basis = basis == null ? "" : basis;
    }

    public static Charge of(Item item, BigDecimal amount, String basis) {
        return new Charge(item.itemId(), amount, basis);
    }
}
