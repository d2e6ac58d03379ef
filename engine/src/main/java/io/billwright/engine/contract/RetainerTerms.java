package io.billwright.engine.contract;

import io.billwright.engine.money.Amounts;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A fixed amount per billing period, billed at the start of the period, with hours drawn down against it.
 *
 * @param rollover true: unused hours carry into the next period; false: they expire at period close
 */
public record RetainerTerms(BigDecimal amountPerPeriod, BigDecimal includedHours, boolean overageAllowed,
                            boolean rollover) {
    public RetainerTerms {
        Objects.requireNonNull(amountPerPeriod, "retainer.amountPerPeriod");
        includedHours = includedHours == null ? BigDecimal.ZERO : includedHours;
        Amounts.requireNonNegative(amountPerPeriod, "retainer.amountPerPeriod");
        Amounts.requireNonNegative(includedHours, "retainer.includedHours");
    }
}
