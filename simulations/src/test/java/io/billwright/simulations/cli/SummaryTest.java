package io.billwright.simulations.cli;

import static io.billwright.simulations.fixtures.ComparisonTestData.comparison;
import static io.billwright.simulations.fixtures.ComparisonTestData.figures;
import static io.billwright.simulations.fixtures.ComparisonTestData.net;
import static io.billwright.simulations.fixtures.ComparisonTestData.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.Dimension;
import io.billwright.simulations.compare.Figures;
import io.billwright.simulations.input.LoadedEvents;
import io.billwright.simulations.report.Measure;
import io.billwright.simulations.report.SimulationBrief;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static final Figures EUR_BASELINE = new Figures(new BigDecimal("24361055.51"), new BigDecimal("4628600.55"),
            new BigDecimal("1218052.78"), BigDecimal.ZERO, new BigDecimal("86400.00"), new BigDecimal("12345678.90"),
            BigDecimal.ZERO);

    @Test
    void linesUpEveryLabelAndAmountWhateverTheirLength() {
        String printed = print(comparison(List.of(row(Dimension.TOTAL, "All", "EUR", EUR_BASELINE, net("0.00"))),
                List.of()), SimulationBrief.NONE);

        List<String> block = block(printed, "EUR ");
        assertThat(block).hasSize(1 + Measure.values().length);
        // the amounts end in the same columns on every row, the longest label included
        String header = block.get(0);
        int baselineEnd = header.indexOf("baseline") + "baseline".length();
        assertThat(block).allSatisfy(line -> assertThat(line).hasSameSizeAs(header));
        String unbilled = block.stream().filter(line -> line.startsWith("Eligible, not yet billed")).findFirst()
                .orElseThrow();
        assertThat(unbilled).startsWith("Eligible, not yet billed  ");
        assertThat(unbilled.substring(0, baselineEnd)).endsWith(" 12,345,678.90");
        assertThat(unbilled).endsWith(" -12,345,678.90");
        String billed = block.stream().filter(line -> line.startsWith("Billed net")).findFirst().orElseThrow();
        assertThat(billed.substring(0, baselineEnd)).endsWith(" 24,361,055.51");
    }

    @Test
    void printsTheLargestChangeFirstInEachCurrencysMinorUnitsAndWhatWasSimulated() {
        Comparison comparison = comparison(List.of(
                row(Dimension.TOTAL, "All", "AUD", net("10.00"), net("10.00")),
                row(Dimension.TOTAL, "All", "JPY", net("1500000"), net("1200000")),
                row(Dimension.CUSTOMER, "C-7 Kaisha KK", "JPY", net("1500000"), net("1200000"))), List.of());
        SimulationBrief brief = new SimulationBrief(List.of("DE VAT 19 % \u2192 16 % on every invoice in the period"),
                List.of("q3.jsonl"), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), 100, List.of());

        String printed = print(comparison, brief);

        assertThat(printed).contains("  - DE VAT 19 % \u2192 16 % on every invoice in the period\n",
                "Input file: q3.jsonl\n", "Period: 2026-07-01 to 2026-09-30\n");
        assertThat(printed.indexOf("\nJPY ")).isPositive().isLessThan(printed.indexOf("\nAUD "));
        assertThat(block(printed, "JPY ").get(1)).matches("Billed net +1,500,000 +1,200,000 +-300,000");
        assertThat(printed).containsPattern("C-7 Kaisha KK +-300,000\n");
    }

    private static List<String> block(String printed, String start) {
        List<String> lines = printed.lines().toList();
        int from = 0;
        while (!lines.get(from).startsWith(start)) {
            from++;
        }
        int to = from;
        while (to < lines.size() && !lines.get(to).isBlank() && !lines.get(to).startsWith("largest")) {
            to++;
        }
        return lines.subList(from, to);
    }

    private static String print(Comparison comparison, SimulationBrief brief) {
        StringWriter out = new StringWriter();
        new Summary(new PrintWriter(out)).print(comparison, brief, new io.billwright.simulations.input.InputFacts(100, 0, List.of(), null, null),
                Path.of("report"), new Timings());
        return out.toString().replace(System.lineSeparator(), "\n");
    }
}
