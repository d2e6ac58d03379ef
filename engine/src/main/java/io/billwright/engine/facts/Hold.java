package io.billwright.engine.facts;

import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.item.Item;
import java.util.Objects;

/** The item waits until something happens; the reason says what. */
public record Hold(String itemId, ReasonCode reason, String detail) implements Conclusion {
    public Hold {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    public static Hold of(Item item, ReasonCode reason, String detail) {
        return new Hold(item.itemId(), reason, detail);
    }
}
