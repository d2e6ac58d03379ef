package io.billwright.engine.facts;

import java.util.Objects;

/** A rule's conclusion about a {@link Correction}: how it is settled, and why in plain words. */
public record Settlement(String itemId, SettlementMethod method, String detail) implements Conclusion {
    public Settlement {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(method, "method");
        detail = detail == null ? "" : detail;
    }

    public static Settlement of(Correction correction, SettlementMethod method, String detail) {
        return new Settlement(correction.itemId(), method, detail);
    }
}
