package io.billwright.engine.facts;

import io.billwright.engine.item.Item;
import java.math.BigDecimal;
import java.util.Objects;

/** The item uses {@code hours} of the retainer's included hours. */
public record Drawdown(String itemId, BigDecimal hours) implements Conclusion {
    public Drawdown {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(hours, "hours");
    }

    public static Drawdown of(Item item, BigDecimal hours) {
        return new Drawdown(item.itemId(), hours);
    }
}
