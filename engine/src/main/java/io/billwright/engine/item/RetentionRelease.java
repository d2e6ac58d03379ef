package io.billwright.engine.item;

import java.math.BigDecimal;

/** Everything withheld under a contract's retention terms, due on completion. */
public record RetentionRelease(BigDecimal amount) implements Item {
    @Override
    public String itemId() {
        return "retention-release";
    }

    @Override
    public StateKind stateKind() {
        return StateKind.RETENTION_RELEASE;
    }
}
