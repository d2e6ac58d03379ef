package io.billwright.simulations.report;

import java.util.List;

/** A one-line SVG legend: a swatch and a name per series. */
final class Legend {

    private static final int ITEM_WIDTH = 120;

    private Legend() {
    }

    static void append(StringBuilder svg, List<Series> series, int x, int y) {
        svg.append("<g class=\"legend\">");
        for (int i = 0; i < series.size(); i++) {
            Series one = series.get(i);
            int left = x + i * ITEM_WIDTH;
            svg.append("<rect class=\"swatch ").append(one.cssClass()).append("\" x=\"").append(left)
                    .append("\" y=\"").append(y - 9).append("\" width=\"12\" height=\"12\" rx=\"2\"/>")
                    .append("<text x=\"").append(left + 18).append("\" y=\"").append(y + 1).append("\">")
                    .append(Html.escape(one.name())).append("</text>");
        }
        svg.append("</g>");
    }
}
