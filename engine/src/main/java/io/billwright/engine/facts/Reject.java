package io.billwright.engine.facts;

import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.item.Item;
import java.util.Objects;

/** The item is never billed; the reason says why. */
public record Reject(String itemId, ReasonCode reason, String detail) implements Conclusion {
    public Reject {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    public static Reject of(Item item, ReasonCode reason, String detail) {
        return new Reject(item.itemId(), reason, detail);
    }
}
