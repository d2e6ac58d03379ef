package io.billwright.simulations.report;

import java.math.BigDecimal;
import java.util.List;

/** What every chart of the report shares: its opening tag (how tests and styles find it) and its values. */
final class Svg {

    private Svg() {
    }

    /** A buffer holding a chart's opening {@code <svg>} tag. */
    static StringBuilder open(String id, String caption, String currency, int width, int height, int capacity) {
        StringBuilder svg = new StringBuilder(capacity);
        svg.append("<svg class=\"chart\" data-chart=\"").append(id).append("\" data-currency=\"")
                .append(Html.escape(currency)).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(caption)).append("\">");
        return svg;
    }

    /** Every value of every group, to scale the chart on. */
    static List<BigDecimal> values(List<BarGroup> groups) {
        return groups.stream().flatMap(group -> group.values().stream()).toList();
    }
}
