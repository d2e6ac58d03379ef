package io.billwright.simulations.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * An inline SVG chart of vertical columns grouped by category (months, in the order given), one column per
 * series, over round gridlines. Each column carries a {@code <title>} with the exact amount.
 */
final class ColumnChart {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 250;
    private static final int AXIS_WIDTH = 72;
    private static final int TOP = 30;
    private static final int BOTTOM = 28;
    private static final int MAX_COLUMN = 26;
    private static final double LABEL_PIXELS = 52;

    private final String id;
    private final String caption;
    private final String currency;
    private final List<Series> series;
    private final List<BarGroup> groups;

    ColumnChart(String id, String caption, String currency, List<Series> series, List<BarGroup> groups) {
        this.id = id;
        this.caption = caption;
        this.currency = currency;
        this.series = List.copyOf(series);
        this.groups = List.copyOf(groups);
    }

    String svg() {
        List<BigDecimal> all = Svg.values(groups);
        Scale data = Scale.of(all, 0, 1);
        List<BigDecimal> ticks = Ticks.covering(data.lo(), data.hi());
        // y grows downwards: the scale maps the lowest tick to the bottom of the plot
        Scale scale = new Scale(ticks.get(0), ticks.get(ticks.size() - 1), HEIGHT - BOTTOM, TOP);

        StringBuilder svg = Svg.open(id, caption, currency, WIDTH, HEIGHT, 1024 + groups.size() * 700);
        Legend.append(svg, series, AXIS_WIDTH, 14);
        for (BigDecimal tick : ticks) {
            String y = Scale.px(scale.at(tick));
            svg.append("<line class=\"").append(tick.signum() == 0 ? "axis" : "grid").append("\" x1=\"")
                    .append(AXIS_WIDTH).append("\" x2=\"").append(WIDTH - 4).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\"/><text class=\"tick\" x=\"").append(AXIS_WIDTH - 6)
                    .append("\" y=\"").append(y).append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(Html.escape(Amounts.grouped(tick))).append("</text>");
        }
        double groupWidth = (WIDTH - 4 - AXIS_WIDTH) / (double) groups.size();
        double column = Math.min(MAX_COLUMN, groupWidth * 0.8 / series.size());
        int labelEvery = (int) Math.ceil(LABEL_PIXELS / groupWidth);
        for (int g = 0; g < groups.size(); g++) {
            BarGroup group = groups.get(g);
            double centre = AXIS_WIDTH + (g + 0.5) * groupWidth;
            double left = centre - column * series.size() / 2.0;
            for (int s = 0; s < series.size(); s++) {
                appendColumn(svg, group, s, left + s * column, column, scale);
            }
            if (g % labelEvery == 0) {
                svg.append("<text class=\"label\" x=\"").append(Scale.px(centre)).append("\" y=\"")
                        .append(HEIGHT - 8).append("\" text-anchor=\"middle\">").append(Html.escape(group.label()))
                        .append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private void appendColumn(StringBuilder svg, BarGroup group, int s, double x, double width, Scale scale) {
        Series one = series.get(s);
        BigDecimal value = group.values().get(s);
        double zero = scale.zero();
        double end = scale.at(value);
        double y = Math.min(zero, end);
        double height = Math.max(Math.abs(end - zero), 1.0);
        String tooltip = group.label() + " \u2014 " + one.name() + ": " + one.format(value, currency) + " " + currency;
        svg.append("<rect class=\"").append(one.barClass(value)).append("\" x=\"").append(Scale.px(x + 1))
                .append("\" y=\"").append(Scale.px(y)).append("\" width=\"").append(Scale.px(width - 2))
                .append("\" height=\"").append(Scale.px(height)).append("\"><title>").append(Html.escape(tooltip))
                .append("</title></rect>");
    }
}
