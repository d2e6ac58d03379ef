package io.billwright.engine.retention;

import java.math.BigDecimal;
import java.util.Objects;

/** Retention withheld from the package being issued (unrounded). */
public record Withholding(BigDecimal amount, String basis) {
    public Withholding {
        Objects.requireNonNull(amount, "amount");
        basis = basis == null ? "" : basis;
    }
}
