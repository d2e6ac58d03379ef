package io.billwright.engine.tax;

import io.billwright.engine.decision.ReasonCode;
import java.util.Objects;

/**
 * A tax rule's conclusion that a package cannot be taxed as the contract stands (a business customer in another
 * member state without a well-formed VAT id): no package is issued and its items are held with {@code reason}.
 */
public record TaxHold(ReasonCode reason, String detail) {
    public TaxHold {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }
}
