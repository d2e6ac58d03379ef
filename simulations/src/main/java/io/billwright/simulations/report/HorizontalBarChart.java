package io.billwright.simulations.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * An inline SVG chart with one row per {@link BarGroup} and one horizontal bar per series in each row.
 * Negative values extend left of the zero line. Each bar and its value carry a {@code <title>} with the
 * exact amount. A zero value is drawn as a hairline so that every bar remains visible.
 */
final class HorizontalBarChart {

    private static final int WIDTH = 600;
    private static final int LABEL_WIDTH = 196;
    private static final int VALUE_ROOM = 80;
    private static final int BAR_HEIGHT = 16;
    private static final int BAR_GAP = 3;
    private static final int ROW_GAP = 12;
    private static final int LEGEND_HEIGHT = 26;
    private static final int LABEL_CHARS = 29;

    private final String id;
    private final String caption;
    private final String currency;
    private final List<Series> series;
    private final List<BarGroup> groups;

    HorizontalBarChart(String id, String caption, String currency, List<Series> series, List<BarGroup> groups) {
        this.id = id;
        this.caption = caption;
        this.currency = currency;
        this.series = List.copyOf(series);
        this.groups = List.copyOf(groups);
    }

    String svg() {
        List<BigDecimal> all = Svg.values(groups);
        Scale probe = Scale.of(all, 0, 1);
        double plotLeft = LABEL_WIDTH + (probe.hasNegatives() ? VALUE_ROOM : 8);
        double plotRight = WIDTH - VALUE_ROOM;
        Scale scale = Scale.of(all, plotLeft, plotRight);

        boolean legend = series.size() > 1;
        int top = legend ? LEGEND_HEIGHT : 4;
        int rowHeight = series.size() * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + ROW_GAP;
        int height = top + groups.size() * rowHeight + 4;

        StringBuilder svg = Svg.open(id, caption, currency, WIDTH, height, 512 + groups.size() * 600);
        if (legend) {
            Legend.append(svg, series, LABEL_WIDTH, 16);
        }
        double zero = scale.zero();
        svg.append("<line class=\"axis\" x1=\"").append(Scale.px(zero)).append("\" x2=\"").append(Scale.px(zero))
                .append("\" y1=\"").append(top - 2).append("\" y2=\"").append(height - 2).append("\"/>");
        for (int row = 0; row < groups.size(); row++) {
            appendRow(svg, groups.get(row), top + row * rowHeight, scale);
        }
        return svg.append("</svg>").toString();
    }

    private void appendRow(StringBuilder svg, BarGroup group, int y, Scale scale) {
        int barsHeight = series.size() * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
        svg.append("<text class=\"label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"")
                .append(Scale.px(y + barsHeight / 2.0)).append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                .append("<title>").append(Html.escape(group.label())).append("</title>")
                .append(Html.escape(Labels.shorten(group.label(), LABEL_CHARS))).append("</text>");
        double zero = scale.zero();
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            BigDecimal value = group.values().get(s);
            double end = scale.at(value);
            double x = Math.min(zero, end);
            double width = Math.max(Math.abs(end - zero), 1.0);
            int barY = y + s * (BAR_HEIGHT + BAR_GAP);
            String tooltip = group.label() + " \u2014 " + one.name() + ": " + one.format(value, currency) + " " + currency;
            svg.append("<rect class=\"").append(one.barClass(value)).append("\" x=\"").append(Scale.px(x))
                    .append("\" y=\"").append(barY).append("\" width=\"").append(Scale.px(width))
                    .append("\" height=\"").append(BAR_HEIGHT).append("\"><title>").append(Html.escape(tooltip))
                    .append("</title></rect>");
            boolean left = value.signum() < 0;
            svg.append("<text class=\"value\" x=\"").append(Scale.px(left ? x - 5 : x + width + 5))
                    .append("\" y=\"").append(Scale.px(barY + BAR_HEIGHT / 2.0)).append("\" text-anchor=\"")
                    .append(left ? "end" : "start").append("\" dominant-baseline=\"middle\"><title>")
                    .append(Html.escape(tooltip)).append("</title>").append(Html.escape(one.format(value, currency)))
                    .append("</text>");
        }
    }
}
