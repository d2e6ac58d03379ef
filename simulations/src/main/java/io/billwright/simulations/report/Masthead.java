package io.billwright.simulations.report;

import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.RuleImpact;
import java.util.List;
import java.util.Locale;

/**
 * The report's first screen: what was simulated, in words (the candidate's changes, the input, the period, the
 * events), the two rule sets compared, the counts, and links to the sections.
 */
final class Masthead {

    private final Comparison comparison;
    private final SimulationBrief brief;
    private final List<RuleImpact> rules;
    private final List<String> currencies;

    Masthead(Comparison comparison, SimulationBrief brief, List<RuleImpact> rules, List<String> currencies) {
        this.comparison = comparison;
        this.brief = brief;
        this.rules = rules;
        this.currencies = currencies;
    }

    String html() {
        StringBuilder html = new StringBuilder(2_048);
        html.append("<header class=\"masthead\"><p class=\"eyebrow\">Billwright \u00b7 what-if simulation</p>")
                .append("<h1>What was simulated</h1>");
        if (!brief.changes().isEmpty()) {
            html.append("<ul class=\"changes\" id=\"changes\">");
            brief.changes().forEach(change -> html.append("<li>").append(Html.escape(change)).append("</li>"));
            html.append("</ul>");
        }
        html.append("<p class=\"sides\"><span class=\"side-label baseline\" title=\"baseline\">")
                .append(Html.escape(comparison.baselineLabel())).append("</span><span class=\"vs\">vs</span>")
                .append("<span class=\"side-label candidate\" title=\"candidate\">")
                .append(Html.escape(comparison.candidateLabel())).append("</span></p><dl class=\"facts\">");
        brief.facts().forEach(fact -> fact(html, fact.label(), fact.text()));
        if (brief.events() == 0) {
            fact(html, SimulationBrief.EVENTS, count(comparison.events()));
        }
        fact(html, "Contracts", count(comparison.contracts()));
        fact(html, "Items compared", count(comparison.items()));
        fact(html, "Changed lines", count(comparison.changes().size()));
        fact(html, "Changed invoices", count(comparison.packageChanges().size()) + " (packages.csv)");
        if (!rules.isEmpty()) {
            fact(html, "Rules changed", count(rules.size()));
        }
        if (comparison.input().skippedLines() > 0 || comparison.input().duplicates() > 0) {
            fact(html, "Lines skipped", count(comparison.input().skippedLines()) + " bad (skipped.csv), "
                    + count(comparison.input().duplicates()) + " repeated");
        }
        fact(html, "Currencies", currencies.isEmpty() ? "none" : String.join(", ", currencies));
        html.append("</dl><nav aria-label=\"Sections\">");
        for (String currency : currencies) {
            html.append("<a href=\"#").append(CurrencySection.anchor(currency)).append("\">")
                    .append(Html.escape(currency)).append("</a>");
        }
        if (!rules.isEmpty()) {
            html.append("<a href=\"#").append(RulesChangedSection.ANCHOR).append("\">Rules changed</a>");
        }
        html.append("<a href=\"#").append(ReconciliationSection.ANCHOR).append("\">Reconciliation</a>");
        return html.append("<a href=\"#lines\">Changed lines</a></nav></header>").toString();
    }

    private static void fact(StringBuilder html, String name, String value) {
        html.append("<div><dt>").append(Html.escape(name)).append("</dt><dd>").append(Html.escape(value))
                .append("</dd></div>");
    }

    private static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
