package io.billwright.engine.item;

import java.math.BigDecimal;
import java.time.YearMonth;

/** The retainer amount for one period, billed at the start of that period. */
public record RetainerFee(YearMonth period, BigDecimal amount) implements Item {
    @Override
    public String itemId() {
        return "retainer:" + period;
    }

    @Override
    public StateKind stateKind() {
        return StateKind.RETAINER_FEE;
    }
}
