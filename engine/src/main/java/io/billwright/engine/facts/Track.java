package io.billwright.engine.facts;

import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.item.Item;
import java.util.Objects;

/** The item is recorded but covered by another charge (a fixed fee, a milestone, a retainer). */
public record Track(String itemId, ReasonCode reason, String detail) implements Conclusion {
    public Track {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    public static Track of(Item item, ReasonCode reason, String detail) {
        return new Track(item.itemId(), reason, detail);
    }
}
