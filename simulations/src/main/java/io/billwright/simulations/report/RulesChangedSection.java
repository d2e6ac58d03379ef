package io.billwright.simulations.report;

import io.billwright.rules.diff.RuleChange;
import io.billwright.simulations.compare.RuleImpact;
import java.util.List;
import java.util.Locale;

/**
 * The report's "Rules changed": every rule added, removed or changed from the baseline's rule set to the
 * candidate's, with how many changed items name it in their decision, and for a changed rule its text before and
 * after.
 */
final class RulesChangedSection {

    static final String ANCHOR = "rules-changed";

    private final List<RuleImpact> rules;

    RulesChangedSection(List<RuleImpact> rules) {
        this.rules = rules;
    }

    String html() {
        StringBuilder html = new StringBuilder(1_024 + rules.size() * 512);
        html.append("<section class=\"rules-changed\" id=\"").append(ANCHOR).append("\"><h2>Rules changed ")
                .append("<span class=\"sub\">").append(RulesChangedTable.counts(rules)).append(" (")
                .append(RulesChangedTable.FILE).append(")</span></h2>")
                .append("<div class=\"table-wrap\"><table class=\"rules\"><thead><tr>")
                .append("<th scope=\"col\">Change</th><th scope=\"col\">Rule</th><th scope=\"col\">File</th>")
                .append("<th scope=\"col\" class=\"num\">Items affected</th></tr></thead><tbody>");
        for (RuleImpact impact : rules) {
            RuleChange change = impact.change();
            html.append("<tr data-change=\"").append(change.kind().word()).append("\"><td class=\"change ")
                    .append(change.kind().word()).append("\">").append(change.kind().word())
                    .append("</td><td><b>").append(Html.escape(change.name())).append("</b><span class=\"extra\">")
                    .append(Html.escape(change.packageName()));
            if (!change.description().isBlank()) {
                html.append(" \u00b7 ").append(Html.escape(change.description()));
            }
            html.append("</span>");
            appendTexts(html, change);
            html.append("</td><td>").append(Html.escape(change.file())).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%,d", impact.items())).append("</td></tr>");
        }
        html.append("</tbody></table></div><p class=\"note\">Items affected: changed lines whose decision names the")
                .append(" rule, on either side. A rule that acts on invoices rather than items (a tax rate) changes")
                .append(" invoices, not item decisions: see the changed invoices in ").append(CsvReports.PACKAGES)
                .append(".</p></section>");
        return html.toString();
    }

    /** A changed rule's text before and after, folded away; nothing for a rule added or removed. */
    private static void appendTexts(StringBuilder html, RuleChange change) {
        if (!change.textChanged()) {
            return;
        }
        html.append("<details><summary>text before and after</summary><pre class=\"before\">")
                .append(Html.escape(change.textBefore().text().strip())).append("</pre><pre class=\"after\">")
                .append(Html.escape(change.textAfter().text().strip())).append("</pre></details>");
    }
}
