package io.billwright.simulations.report;

/** Shortens labels that would not fit a chart's label column; the full text stays in the tooltip. */
final class Labels {

    private Labels() {
    }

    static String shorten(String label, int maxChars) {
        if (label.codePointCount(0, label.length()) <= maxChars) {
            return label;
        }
        int end = label.offsetByCodePoints(0, maxChars - 1);
        return label.substring(0, end) + "\u2026";
    }
}
