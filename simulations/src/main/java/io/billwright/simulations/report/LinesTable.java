package io.billwright.simulations.report;

import io.billwright.simulations.compare.ItemSide;
import io.billwright.simulations.compare.LineChange;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The changed lines: an empty table that the page's script fills from a JSON array of rows, so that a report
 * with hundreds of thousands of lines stays a manageable file and renders only what is shown.
 */
final class LinesTable {

    /**
     * A column of the table: the JSON row fields it shows (the first sorts it; the others, such as the reason
     * and the rules behind a status, show beneath it) and the class its cells get.
     */
    private record Column(String heading, String cssClass, boolean amount, List<Integer> fields) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("Contract", "", false, List.of(0)),
            new Column("Customer", "customer", false, List.of(1)),
            new Column("Item", "", false, List.of(2)),
            new Column("Kind", "", false, List.of(3)),
            new Column("Month", "", false, List.of(4)),
            new Column("Cur.", "", false, List.of(5)),
            new Column("Decision", "baseline decision", false, List.of(6, 7, 13)),
            new Column("Billed", "baseline", true, List.of(8)),
            new Column("Decision", "candidate decision", false, List.of(9, 10, 14)),
            new Column("Billed", "candidate", true, List.of(11)),
            new Column("Delta billed", "", true, List.of(12)));

    private LinesTable() {
    }

    static void writeTable(Writer out, int lines) throws IOException {
        out.write("<section id=\"lines\"><h2>Changed lines <span class=\"sub\">");
        out.write(lines + " item" + (lines == 1 ? "" : "s") + " whose decision or amounts differ</span></h2>");
        out.write("<div class=\"toolbar\"><input id=\"filter\" type=\"search\" autocomplete=\"off\" "
                + "placeholder=\"Filter by customer, contract, item, status, reason, rule\u2026\" "
                + "aria-label=\"Filter changed lines\"><span id=\"count\" aria-live=\"polite\"></span></div>");
        out.write("<div class=\"table-wrap\"><table id=\"lines-table\"><thead><tr class=\"groups\">"
                + "<th colspan=\"6\"></th><th colspan=\"2\" class=\"side baseline\">Baseline</th>"
                + "<th colspan=\"2\" class=\"side candidate\">Candidate</th><th></th></tr><tr>");
        for (int col = 0; col < COLUMNS.size(); col++) {
            Column column = COLUMNS.get(col);
            String fields = column.fields().stream().map(String::valueOf).collect(Collectors.joining(","));
            out.write("<th scope=\"col\" data-col=\"" + col + "\" data-fields=\"" + fields + "\" data-type=\""
                    + (column.amount() ? "number" : "text") + "\" class=\"sortable" + (column.amount() ? " num" : "")
                    + (column.cssClass().isEmpty() ? "" : " " + column.cssClass()) + "\" aria-sort=\"none\">"
                    + Html.escape(column.heading()) + "</th>");
        }
        out.write("</tr></thead><tbody></tbody></table></div>");
        out.write("<p id=\"none\" class=\"empty\" hidden>No changed lines match.</p>");
        out.write("<button id=\"more\" type=\"button\" hidden>Show more</button>");
        out.write("<noscript><p class=\"empty\">The list of changed lines needs JavaScript.</p></noscript>");
        out.write("</section>");
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

    /**
     * One line as a JSON array: contract, customer, item, kind, month, currency, baseline status, reason and
     * billed, candidate status, reason and billed, delta billed, baseline rules, candidate rules.
     */
    private static void appendRow(StringBuilder json, LineChange line) {
        ItemSide before = line.baseline();
        ItemSide after = line.candidate();
        BigDecimal billedBefore = amount(before.billed());
        BigDecimal billedAfter = amount(after.billed());
        BigDecimal delta = billedAfter.subtract(billedBefore);
        List<String> fields = List.of(text(line.contractId()), text(line.customer()), text(line.itemId()),
                text(line.kind()), text(line.month()), text(line.currency()),
                text(before.status()), text(before.reason()), Amounts.format(billedBefore, line.currency()),
                text(after.status()), text(after.reason()), Amounts.format(billedAfter, line.currency()),
                Amounts.signed(delta, line.currency()), String.join(", ", before.rules()), String.join(", ", after.rules()));
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
