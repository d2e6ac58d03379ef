package io.billwright.simulations.report;

import static io.billwright.simulations.fixtures.ComparisonTestData.comparison;
import static io.billwright.simulations.fixtures.ComparisonTestData.figures;
import static io.billwright.simulations.fixtures.ComparisonTestData.line;
import static io.billwright.simulations.fixtures.ComparisonTestData.net;
import static io.billwright.simulations.fixtures.ComparisonTestData.row;
import static io.billwright.simulations.fixtures.ComparisonTestData.side;
import static io.billwright.simulations.fixtures.ReconciliationTestData.balanced;
import static io.billwright.simulations.fixtures.ReconciliationTestData.reconciliation;
import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.lint.RuleTexts;
import io.billwright.rules.diff.RuleChange;
import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.Dimension;
import io.billwright.simulations.compare.TotalRow;
import io.billwright.simulations.fixtures.ComparisonTestData;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)> \"Evil\" & 'Co' </script><!--";

    @Test
    void escapesHostileCustomerNamesInChartsAndLabels() throws IOException {
        Comparison hostile = new Comparison("<b>base</b>", "cand & \"v2\"", 1, 1, 1,
                List.of(row(Dimension.TOTAL, "All", "EUR", net("10.00"), net("12.00")),
                        row(Dimension.CUSTOMER, HOSTILE, "EUR", net("10.00"), net("12.00"))),
                List.of());

        String html = html(hostile);

        assertThat(html).doesNotContain("<img", "<b>base</b>", "</script><!--", "'Co'")
                .contains("&lt;img src=x onerror=alert(1)&gt; &quot;Evil&quot; &amp; &#39;Co&#39; &lt;/script&gt;")
                .contains("&lt;b&gt;base&lt;/b&gt;", "cand &amp; &quot;v2&quot;");
    }

    @Test
    void showsEachSidesReconciliationTotalsAndListsEveryBreakEscaped() throws IOException {
        Comparison base = comparison(List.of(row(Dimension.TOTAL, "All", "EUR", net("10.00"), net("12.00"))),
                List.of());
        Comparison reconciled = new Comparison(base.baselineLabel(), base.candidateLabel(), base.events(),
                base.contracts(), base.items(), base.totals(), base.changes(), base.packageChanges(), base.input(),
                List.of(balanced("C-1"), balanced("C-2")),
                List.of(balanced("C-1"), reconciliation("C-2", List.of("TE-5 <b>held</b> but counts 240.00"))));

        String html = html(reconciled);
        String section = between(html, "<section class=\"reconciliation\" id=\"reconciliation\">", "</section>");

        assertThat(section)
                .contains("<th scope=\"row\">Contracts balanced</th><td class=\"num\">2 of 2</td>"
                        + "<td class=\"num\">1 of 2</td>")
                .contains("<th scope=\"row\">Billed net</th><td class=\"num\">15,000.00 (14)</td>")
                .contains("<th scope=\"row\">Held</th><td class=\"num\">880.00 (6)</td>")
                .contains("<th scope=\"row\">Headroom (cap or value left)</th><td class=\"num\">4,600.00</td>")
                .contains("<li><span class=\"side\">Candidate</span> <b>C-2</b>: TE-5 &lt;b&gt;held&lt;/b&gt; but"
                        + " counts 240.00</li>")
                .doesNotContain("<b>held</b>", "Every contract balances");
        assertThat(html).contains("<a href=\"#reconciliation\">Reconciliation</a>");
    }

    @Test
    void changedLinesCannotCloseTheirScriptElement() throws IOException {
        Comparison hostile = comparison(List.of(row(Dimension.TOTAL, "All", "EUR", net("0.00"), net("5.00"))),
                List.of(line("CTR-1", HOSTILE, "ITEM-</script>", "EUR", side("HELD", "R&D", "0.00", "<rule>"),
                        side("ELIGIBLE", "", "5.00", "rule-\u2028"))));

        String html = html(hostile);
        String data = between(html, "<script type=\"application/json\" id=\"lines-data\">", "</script>");

        assertThat(data).doesNotContain("<", ">", "&", "\u2028")
                .contains("\\u003cimg src=x onerror=alert(1)\\u003e \\\"Evil\\\" \\u0026 'Co' \\u003c/script\\u003e")
                .contains("ITEM-\\u003c/script\\u003e", "rule-\\u2028")
                .endsWith("\n]");
        assertThat(occurrences(html, "</script>")).as("the data element's and the script's own").isEqualTo(2);
    }

    @Test
    void needsNoNetwork() throws IOException {
        String html = html(ComparisonTestData.sample());

        assertThat(html).doesNotContainPattern("(?i)(src|href|action)\\s*=\\s*[\"']?\\s*(https?:)?//")
                .doesNotContain("http://", "https://", "<link", "@import", "url(")
                .contains("<style>", "<script>");
    }

    @Test
    void showsHeadlineFiguresPerCurrencyWithSignedColouredDeltas() throws IOException {
        String html = html(ComparisonTestData.sample());

        String eur = section(html, "EUR");
        assertThat(eur).contains("<th scope=\"row\">Billed net</th><td class=\"num\">1,284,350.00</td>"
                        + "<td class=\"num\">1,301,975.00</td><td class=\"num delta up\">+17,625.00</td>")
                .contains("<th scope=\"row\">Held at end</th><td class=\"num\">86,400.00</td>"
                        + "<td class=\"num\">61,250.00</td><td class=\"num delta down\">-25,150.00</td>")
                .contains("<th scope=\"row\">Retention released</th><td class=\"num\">12,000.00</td>"
                        + "<td class=\"num\">12,000.00</td><td class=\"num delta same\">0.00</td>")
                // invoiced: 1284350.00 + 244026.50 - 38530.50 + 12000.00 = 1501846.00, candidate 1516230.25
                .contains("<td class=\"num\">1,501,846.00</td><td class=\"num\">1,516,230.25</td>"
                        + "<td class=\"num delta up\">+14,384.25</td>");
        assertThat(section(html, "USD")).contains("<td class=\"num\">445,824.00</td><td class=\"num\">437,724.00</td>"
                + "<td class=\"num delta down\">-8,100.00</td>");
    }

    @Test
    void printsAmountsExactlyWithoutRounding() throws IOException {
        Comparison large = comparison(List.of(row(Dimension.TOTAL, "All", "JPY",
                        figures("9007199254740993.01", "0.10", "0.00", "0.00", "0.00"), net("0.00"))),
                List.of());

        // JPY has no minor units, but what was computed is shown: nothing is rounded away
        assertThat(html(large)).contains("9,007,199,254,740,993.01", "9,007,199,254,740,993.11",
                "-9,007,199,254,740,993.11");
    }

    @Test
    void chartsTheFifteenCustomersWithTheLargestChange() throws IOException {
        List<TotalRow> totals = new ArrayList<>();
        totals.add(row(Dimension.TOTAL, "All", "EUR", net("0.00"), net("0.00")));
        for (int i = 1; i <= 20; i++) {
            String delta = (i % 2 == 0 ? "-" : "") + i + "00.00";
            totals.add(row(Dimension.CUSTOMER, "Customer " + i, "EUR", net("0.00"), net(delta)));
        }
        totals.add(row(Dimension.CUSTOMER, "Unchanged", "EUR", net("5.00"), net("5.00")));

        String chart = chart(html(comparison(totals, List.of())), "by-customer");

        assertThat(occurrences(chart, "<rect class=\"bar ")).isEqualTo(15);
        assertThat(chart).contains("Customer 20 \u2014 Delta: -2,000.00 EUR", "Customer 6 \u2014 Delta: -600.00 EUR")
                .doesNotContain("Customer 5 ", "Unchanged");
    }

    @Test
    void everyBarHasATooltipWithTheExactAmount() throws IOException {
        String html = html(ComparisonTestData.sample());

        for (String chart : List.of("by-customer", "by-billing-model", "held-by-reason", "monthly")) {
            String svg = chart(html, chart);
            Matcher bars = Pattern.compile("<rect class=\"bar [^\"]+\"[^>]*>(.*?)</rect>").matcher(svg);
            int count = 0;
            while (bars.find()) {
                assertThat(bars.group(1)).as(chart).matches("<title>.+: [+-]?\\d{1,3}(,\\d{3})*\\.\\d{2} EUR</title>");
                count++;
            }
            assertThat(count).as(chart).isPositive();
        }
        assertThat(chart(html, "held-by-reason"))
                .contains("<title>BUDGET_CAP_REACHED \u2014 Baseline: 18,000.00 EUR</title>")
                .contains("<title>BUDGET_CAP_REACHED \u2014 Candidate: 0.00 EUR</title>");
    }

    @Test
    void saysSoWhenThereIsNothingToChart() throws IOException {
        String html = html(comparison(List.of(row(Dimension.TOTAL, "All", "EUR", net("7.00"), net("7.00")),
                row(Dimension.CUSTOMER, "Same Co", "EUR", net("7.00"), net("7.00"))), List.of()));

        assertThat(html).contains("<p class=\"empty\" data-chart=\"by-customer\">No differences in invoiced amounts "
                        + "by customer.</p>", "<p class=\"empty\" data-chart=\"by-billing-model\">",
                        "<p class=\"empty\" data-chart=\"held-by-reason\">Nothing held on either side.</p>",
                        "<p class=\"empty\" data-chart=\"monthly\">")
                .doesNotContain("<svg");
    }

    @Test
    void keepsEachCurrencyInItsOwnSection() throws IOException {
        String html = html(ComparisonTestData.sample());

        assertThat(section(html, "EUR")).contains("data-currency=\"EUR\"").doesNotContain(" USD", "\"USD\"");
        assertThat(section(html, "USD")).contains("data-currency=\"USD\"").doesNotContain(" EUR", "\"EUR\"");
        assertThat(occurrences(html, "<svg class=\"chart\"")).isEqualTo(8);
    }

    @Test
    void embedsOneJsonRowPerChangedLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.html");

        HtmlReport.write(ComparisonTestData.sample(), file);

        String html = Files.readString(file, StandardCharsets.UTF_8);
        String data = between(html, "id=\"lines-data\">", "</script>");
        assertThat(data.lines().filter(l -> l.startsWith("[\"") || l.startsWith(",[\""))).hasSize(30);
        assertThat(data).contains("[\"CTR-1000\",\"C-0101 Acme Engineering GmbH\",\"ITEM-04000\",\"TIME_ENTRY\","
                + "\"2026-01\",\"EUR\",\"HELD\",\"TIMESHEET_NOT_APPROVED\",\"0.00\",\"ELIGIBLE\",\"\",\"450.00\","
                + "\"+450.00\",\"hold-unapproved-time\",\"time-and-materials-eligible, auto-approve-under-8h\"]");
        assertThat(html).contains("<input id=\"filter\"", "<span id=\"count\"");
    }

    @Test
    void saysWhatWasSimulatedOnTheFirstScreenBeforeAnyFigure() throws IOException {
        SimulationBrief brief = new SimulationBrief(List.of("DE VAT 19 % \u2192 16 % on every invoice in the period",
                "retention 5 % for contracts from 2026-07-01"), List.of("q3.jsonl"), LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 9, 30), 1_000_000, List.of());

        String html = html(ComparisonTestData.sample(), brief);
        String masthead = between(html, "<header class=\"masthead\">", "</header>");

        assertThat(masthead).contains("<h1>What was simulated</h1><ul class=\"changes\" id=\"changes\">"
                        + "<li>DE VAT 19 % \u2192 16 % on every invoice in the period</li>"
                        + "<li>retention 5 % for contracts from 2026-07-01</li></ul>",
                "<dt>Input file</dt><dd>q3.jsonl</dd>", "<dt>Period</dt><dd>2026-07-01 to 2026-09-30</dd>",
                "<dt>Events replayed</dt><dd>1,000,000</dd>", "<dt>Items compared</dt><dd>9,731</dd>",
                "standard-2026.2 (v41)", "standard-2026.3-rc1 (v42)");
        assertThat(html).contains("<title>What-if: DE VAT 19 % \u2192 16 % on every invoice in the period; "
                + "retention 5 % for contracts from 2026-07-01</title>");
        assertThat(occurrences(html, "<dt>Events replayed</dt>")).isEqualTo(1);
    }

    @Test
    void ordersCurrenciesByTheSizeOfTheirChangeAndShowsEachInItsMinorUnits() throws IOException {
        Comparison comparison = comparison(List.of(
                row(Dimension.TOTAL, "All", "AUD", net("1250.00"), net("1250.00")),
                row(Dimension.TOTAL, "All", "EUR", net("24361055.51"), net("24361155.51")),
                row(Dimension.TOTAL, "All", "JPY", net("1500000"), net("1200000"))), List.of());

        String html = html(comparison);

        assertThat(html.indexOf("id=\"currency-JPY\"")).isPositive()
                .isLessThan(html.indexOf("id=\"currency-EUR\""));
        assertThat(html.indexOf("id=\"currency-EUR\"")).isLessThan(html.indexOf("id=\"currency-AUD\""));
        assertThat(html).contains("<a href=\"#currency-JPY\">JPY</a><a href=\"#currency-EUR\">EUR</a>"
                + "<a href=\"#currency-AUD\">AUD</a>", "<dt>Currencies</dt><dd>JPY, EUR, AUD</dd>");
        assertThat(section(html, "JPY")).contains("<td class=\"num\">1,500,000</td><td class=\"num\">1,200,000</td>"
                + "<td class=\"num delta down\">-300,000</td>");
        assertThat(section(html, "EUR")).contains("<td class=\"num\">24,361,055.51</td>");
    }

    @Test
    void showsChangedLinesAmountsGroupedAndSortsThemAsNumbers() throws IOException {
        Comparison comparison = comparison(List.of(row(Dimension.TOTAL, "All", "EUR", net("0.00"), net("12345.6"))),
                List.of(line("CTR-1", "Cust", "ITEM-1", "EUR", side("HELD", "R", "0.00", "a"),
                        side("ELIGIBLE", "", "12345.6", "b"))));

        String data = between(html(comparison), "id=\"lines-data\">", "</script>");

        assertThat(data).contains("\"0.00\",\"ELIGIBLE\",\"\",\"12,345.60\",\"+12,345.60\"");
        assertThat(Assets.JS).contains("parseFloat(text.replace(/,/g, ''))");
    }

    @Test
    void listsTheRulesChangedWithTheItemsEachAffected() throws IOException {
        RuleChange changed = new RuleChange(RuleChange.Kind.CHANGED,
                new RuleInfo("billwright.tm", "budget-cap", "Hold over the cap"),
                new RuleInfo("billwright.tm", "budget-cap", "Hold over the cap"),
                new RuleTexts.RuleText("tm/caps.drl", "rule \"budget-cap\"\nwhen\n  $t : TimeEntry( hours > 8 )\n"),
                new RuleTexts.RuleText("tm/caps.drl", "rule \"budget-cap\"\nwhen\n  $t : TimeEntry( hours > 10 )\n"));
        RuleChange added = new RuleChange(RuleChange.Kind.ADDED, null,
                new RuleInfo("billwright.tm", "weekend <rate>", ""), null,
                new RuleTexts.RuleText("tm/weekend.drl", "rule \"weekend <rate>\"\n"));
        Comparison sample = ComparisonTestData.sample();
        SimulationBrief brief = new SimulationBrief(List.of("the rule folder candidate in place of the packaged rule set"),
                List.of(), null, null, 0, List.of(changed, added));

        String html = html(sample, brief);
        String section = between(html, "<section class=\"rules-changed\" id=\"rules-changed\">", "</section>");

        long budgetCap = sample.changes().stream().filter(line -> line.candidate().rules().contains("budget-cap"))
                .count();
        assertThat(budgetCap).isPositive();
        assertThat(section).contains("1 added, 0 removed, 1 changed (rules-changed.csv)")
                .contains("<tr data-change=\"added\"><td class=\"change added\">added</td><td><b>weekend &lt;rate&gt;"
                        + "</b><span class=\"extra\">billwright.tm</span></td><td>tm/weekend.drl</td>"
                        + "<td class=\"num\">0</td></tr>")
                .contains("<b>budget-cap</b><span class=\"extra\">billwright.tm \u00b7 Hold over the cap</span>")
                .contains("<pre class=\"before\">rule &quot;budget-cap&quot;\nwhen\n  $t : TimeEntry( hours &gt; 8 )"
                        + "</pre><pre class=\"after\">")
                .contains("<td>tm/caps.drl</td><td class=\"num\">" + budgetCap + "</td>")
                .doesNotContain("<rate>");
        assertThat(section.indexOf("weekend")).as("added before changed").isLessThan(section.indexOf("budget-cap"));
        assertThat(html).contains("<a href=\"#rules-changed\">Rules changed</a>", "<dt>Rules changed</dt><dd>2</dd>");
        assertThat(html(sample)).doesNotContain("id=\"rules-changed\"", "#rules-changed");
    }

    private static String html(Comparison comparison, SimulationBrief brief) throws IOException {
        StringWriter out = new StringWriter();
        HtmlReport.write(comparison, brief, out);
        return out.toString();
    }

    private static String html(Comparison comparison) throws IOException {
        StringWriter out = new StringWriter();
        HtmlReport.write(comparison, out);
        return out.toString();
    }

    private static String section(String html, String currency) {
        return between(html, "<section class=\"currency\" id=\"currency-" + currency + "\"", "</section>");
    }

    private static String chart(String html, String name) {
        return between(html, "<svg class=\"chart\" data-chart=\"" + name + "\"", "</svg>");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s in the page", start).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        return text.substring(from + start.length(), to);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
