package io.billwright.simulations.report;

import io.billwright.simulations.compare.ItemSide;
import io.billwright.simulations.compare.LineChange;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * The changed lines: an empty table that the page's script fills from a JSON array of rows, so that a report
 * with hundreds of thousands of lines stays a manageable file and renders only what is shown.
 */
final class LinesTable {

    /** Column headings, in the order of each JSON row's fields. */
    static final List<String> COLUMNS = List.of("Contract", "Customer", "Item", "Kind", "Month", "Currency",
            "Status", "Reason", "Billed", "Status", "Reason", "Billed", "Delta billed", "Baseline rules",
            "Candidate rules");
    private static final int FIRST_BASELINE = 6;
    private static final int FIRST_CANDIDATE = 9;

    private LinesTable() {
    }

    static void writeTable(Writer out, int lines) throws IOException {
        out.write("<section id=\"lines\"><h2>Changed lines <span class=\"sub\">");
        out.write(lines + " item" + (lines == 1 ? "" : "s") + " whose decision or amounts differ</span></h2>");
        out.write("<div class=\"toolbar\"><input id=\"filter\" type=\"search\" autocomplete=\"off\" "
                + "placeholder=\"Filter by customer, contract, item, status, reason, rule\u2026\" "
                + "aria-label=\"Filter changed lines\"><span id=\"count\" aria-live=\"polite\"></span></div>");
        out.write("<div class=\"table-wrap\"><table id=\"lines-table\"><thead><tr class=\"groups\">"
                + "<th colspan=\"6\"></th><th colspan=\"3\" class=\"side baseline\">Baseline</th>"
                + "<th colspan=\"3\" class=\"side candidate\">Candidate</th><th colspan=\"3\"></th></tr><tr>");
        for (int col = 0; col < COLUMNS.size(); col++) {
            boolean number = isAmount(col);
            String side = col >= FIRST_BASELINE && col < FIRST_CANDIDATE ? " baseline"
                    : col >= FIRST_CANDIDATE && col < FIRST_CANDIDATE + 3 ? " candidate" : "";
            out.write("<th scope=\"col\" data-col=\"" + col + "\" data-type=\"" + (number ? "number" : "text")
                    + "\" class=\"sortable" + (number ? " num" : "") + side + "\" aria-sort=\"none\">"
                    + Html.escape(COLUMNS.get(col)) + "</th>");
        }
        out.write("</tr></thead><tbody></tbody></table></div>");
        out.write("<p id=\"none\" class=\"empty\" hidden>No changed lines match.</p>");
        out.write("<button id=\"more\" type=\"button\" hidden>Show more</button>");
        out.write("<noscript><p class=\"empty\">The list of changed lines needs JavaScript.</p></noscript>");
        out.write("</section>");
    }

    static boolean isAmount(int column) {
        return column == 8 || column == 11 || column == 12;
    }

    /** Writes the rows as a JSON array inside a {@code <script type="application/json">} element. */
    static void writeData(Writer out, List<LineChange> changes) throws IOException {
        out.write("<script type=\"application/json\" id=\"lines-data\">[");
        StringBuilder row = new StringBuilder(512);
        for (int i = 0; i < changes.size(); i++) {
            row.setLength(0);
            if (i > 0) {
                row.append(',');
            }
            appendRow(row, changes.get(i));
            out.append('\n').append(row);
        }
        out.write("\n]</script>");
    }

    private static void appendRow(StringBuilder json, LineChange line) {
        ItemSide before = line.baseline();
        ItemSide after = line.candidate();
        BigDecimal billedBefore = amount(before.billed());
        BigDecimal billedAfter = amount(after.billed());
        BigDecimal delta = billedAfter.subtract(billedBefore);
        List<String> fields = List.of(text(line.contractId()), text(line.customer()), text(line.itemId()),
                text(line.kind()), text(line.month()), text(line.currency()),
                text(before.status()), text(before.reason()), Amounts.plain(billedBefore),
                text(after.status()), text(after.reason()), Amounts.plain(billedAfter),
                Amounts.signed(delta), String.join(", ", before.rules()), String.join(", ", after.rules()));
        json.append('[');
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                json.append(',');
            }
            Json.appendString(json, fields.get(f));
        }
        json.append(']');
    }

    private static BigDecimal amount(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
