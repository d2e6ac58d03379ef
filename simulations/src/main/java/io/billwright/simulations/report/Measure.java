package io.billwright.simulations.report;

import io.billwright.simulations.compare.Figures;
import java.math.BigDecimal;
import java.util.function.Function;

/** The amounts every report shows for a group, in this order. */
public enum Measure {
    BILLED_NET("Billed net", Figures::billedNet),
    CREDITED("Credited", Figures::credited),
    TAX("Tax", Figures::tax),
    RETENTION_WITHHELD("Retention withheld", Figures::retentionWithheld),
    RETENTION_RELEASED("Retention released", Figures::retentionReleased),
    HELD("Held", Figures::held),
    UNBILLED("Eligible, not yet billed", Figures::unbilled),
    INVOICED("Invoiced", Figures::invoiced);

    private final String label;
    private final Function<Figures, BigDecimal> value;

    Measure(String label, Function<Figures, BigDecimal> value) {
        this.label = label;
        this.value = value;
    }

    public String label() {
        return label;
    }

    public BigDecimal of(Figures figures) {
        return value.apply(figures);
    }
}
