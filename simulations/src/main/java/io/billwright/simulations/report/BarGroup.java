package io.billwright.simulations.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One category of a chart with one value per series, in the chart's series order.
 *
 * @param label the category: a customer, a billing model, a held reason, a month
 */
record BarGroup(String label, List<BigDecimal> values) {

    BarGroup {
        Objects.requireNonNull(label, "label");
        values = List.copyOf(values);
    }
}
