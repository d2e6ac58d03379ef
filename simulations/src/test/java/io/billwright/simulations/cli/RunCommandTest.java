package io.billwright.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.simulations.EventsFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void writesEveryReportAndASummaryOfTheChange() throws Exception {
        Path events = EventsFile.write(directory.resolve("q1.jsonl"), EventsFile.germanContracts(3));
        Path rates = Files.writeString(directory.resolve("rates.csv"), "Jurisdiction,Rate %\nDE,16\n");
        Path report = directory.resolve("report");

        int status = run("run", events.toString(), "--tax-rates", rates.toString(), "-o", report.toString(), "--quiet");

        assertThat(status).as(err.toString()).isZero();
        assertThat(report.resolve("summary.csv")).exists();
        assertThat(report.resolve("lines.csv")).exists();
        assertThat(report.resolve("what-if.xlsx")).exists();
        assertThat(report.resolve("report.html")).content().contains("lines-data").contains("EUR");
        assertThat(Files.readAllLines(report.resolve("packages.csv"))).hasSize(7)
                .anyMatch(line -> line.contains("PERIOD_CLOSE 2026-01") && line.endsWith(",-96.00"));
        assertThat(out.toString()).contains("tax rates in the candidate: DE 19% -> 16%");
        assertThat(Files.readAllLines(report.resolve("summary.csv")))
                .anyMatch(line -> line.startsWith("Total,All,EUR,17400.00,17400.00,0.00,0.00,0.00,0.00,3306.00,2784.00,-522.00,"));
        assertThat(out.toString()).contains("33 events, 3 contracts").contains("Tax").contains("-522.00");
    }

    @Test
    void theReportsSayWhatWasSimulatedInWords() throws Exception {
        List<String> lines = new ArrayList<>(EventsFile.germanContracts(2));
        lines.set(1, io.billwright.events.testing.TestMessages.at(io.billwright.events.testing.TestMessages.timeEntry(
                "C-SIM-1", "TE-EARLY", java.time.LocalDate.of(2026, 1, 2), "1", "APPROVED"), "2026-01-02T09:00:00Z")
                .body());
        Path events = EventsFile.write(directory.resolve("q1.jsonl"), lines);
        Path rates = Files.writeString(directory.resolve("rates.csv"), "Jurisdiction,Rate %\nDE,16\n");
        Path retention = Files.writeString(directory.resolve("retention.csv"), "Retention %,Effective from\n5,2026-01-01\n");
        Path report = directory.resolve("report");

        int status = run("run", events.toString(), "--tax-rates", rates.toString(), "--retention", retention.toString(),
                "-o", report.toString(), "--quiet");

        assertThat(status).as(err.toString()).isZero();
        String html = Files.readString(report.resolve("report.html"));
        String masthead = html.substring(html.indexOf("<header"), html.indexOf("</header>"));
        assertThat(masthead).contains("<li>DE VAT 19 % \u2192 16 % on every invoice in the period</li>",
                "<li>retention 5 % for contracts from 2026-01-01</li>",
                "<dt>Input file</dt><dd>" + events + "</dd>",
                "<dt>Period</dt><dd>2026-01-02 to 2026-03-01</dd>",
                "<dt>Events replayed</dt><dd>22</dd>");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(report.resolve("what-if.xlsx").toFile())) {
            var summary = workbook.getSheet("Summary");
            assertThat(summary.getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("DE VAT 19 % \u2192 16 % on every invoice in the period");
            assertThat(summary.getRow(2).getCell(1).getStringCellValue())
                    .isEqualTo("retention 5 % for contracts from 2026-01-01");
        }
        assertThat(out.toString()).contains("  - DE VAT 19 % \u2192 16 % on every invoice in the period",
                "Period: 2026-01-02 to 2026-03-01");
    }

    @Test
    void aCandidateFolderThatChangesRulesListsThemWithTheItemsEachAffected() throws Exception {
        Path candidate = copyOfTheDefaultRules(directory.resolve("candidate"));
        Path tm = candidate.resolve("tm/time-and-materials.drl");
        // 10 % more on every approved hour: each of the 8 entries is billed differently, under the same rule's name
        Files.writeString(tm, Files.readString(tm).replaceFirst(
                "insert\\(Charge.of\\(\\$t, \\$t.hours\\(\\).multiply\\(rate\\)",
                "insert(Charge.of(\\$t, \\$t.hours().multiply(rate).multiply(new BigDecimal(\"1.1\"))") + """

                rule "T&M: nothing billed on Sundays"
                    @description("An example rule that never fires.")
                when
                    eval(false)
                then
                end
                """);
        Path events = EventsFile.write(directory.resolve("q1.jsonl"), EventsFile.germanContracts(1));
        Path report = directory.resolve("report");

        int status = run("run", events.toString(), "--candidate", candidate.toString(), "-o", report.toString(),
                "--quiet");

        assertThat(status).as(err.toString()).isZero();
        List<org.apache.commons.csv.CSVRecord> rules = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(
                        Files.readString(report.resolve("rules-changed.csv")).substring(1))).getRecords();
        assertThat(rules).extracting(row -> String.join(",", row.get("Change"), row.get("Rule"), row.get("File"),
                        row.get("Items affected")))
                .containsExactly("added,T&M: nothing billed on Sundays,tm/time-and-materials.drl,0",
                        "changed,T&M: approved billable hours at the rate card rate,tm/time-and-materials.drl,8");
        assertThat(rules.get(1).get("After")).contains("multiply(new BigDecimal(\"1.1\"))");
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).contains("<li>the rule folder " + candidate + " in place of the packaged rule set (rules: 1 added,"
                + " 0 removed, 1 changed)</li>", "id=\"rules-changed\"");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(report.resolve("what-if.xlsx").toFile())) {
            assertThat(workbook.getSheet("Rules changed").getLastRowNum()).isEqualTo(2);
        }
    }

    private static Path copyOfTheDefaultRules(Path target) throws java.io.IOException {
        Path rules = Path.of("../rules/src/main/resources/billwright/rules");
        try (var files = Files.walk(rules)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(rules.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    @Test
    void aCandidateThatDoesNotCompileIsNamedByFileAndLineAndNothingRuns() throws Exception {
        Path events = EventsFile.write(directory.resolve("q1.jsonl"), EventsFile.germanContracts(1));
        Path candidate = Files.createDirectories(directory.resolve("candidate/tm"));
        Files.writeString(candidate.resolve("broken.drl"), "package billwright.tm\n\nrule \"no end\"\nwhen\n  Foo( \nthen\n");
        Path report = directory.resolve("report");

        int status = run("run", events.toString(), "--candidate", directory.resolve("candidate").toString(),
                "-o", report.toString(), "--quiet");

        assertThat(status).isEqualTo(SimulationsCli.BAD_RULES);
        assertThat(err.toString()).contains("does not compile").containsPattern("tm/broken\\.drl:\\d+: ");
        assertThat(report).doesNotExist();
    }

    @Test
    void aBadLineStopsTheRunUnlessSkipped() throws Exception {
        List<String> lines = new ArrayList<>(EventsFile.germanContracts(1));
        lines.add(4, "{oops");
        Path events = EventsFile.write(directory.resolve("q1.jsonl"), lines);

        int stopped = run("run", events.toString(), "-o", directory.resolve("a").toString(), "--quiet");
        assertThat(stopped).isEqualTo(SimulationsCli.BAD_INPUT);
        assertThat(err.toString()).contains(events + ":5: MALFORMED_JSON").contains("--skip-bad-lines");
        assertThat(directory.resolve("a")).doesNotExist();

        int skipped = run("run", events.toString(), "--skip-bad-lines", "-o", directory.resolve("b").toString(), "--quiet");
        assertThat(skipped).isZero();
        assertThat(out.toString()).contains("1 bad lines skipped");
    }

    @Test
    void nothingToReplayOrNowhereToWriteIsBadInputFoundBeforeAnyWork() throws Exception {
        Path blank = Files.writeString(directory.resolve("blank.jsonl"), "\n\n");
        Path events = EventsFile.write(directory.resolve("q1.jsonl"), EventsFile.germanContracts(1));
        Path aFile = Files.writeString(directory.resolve("taken"), "x");

        assertThat(run("run", blank.toString(), "-o", directory.resolve("r").toString(), "--quiet"))
                .isEqualTo(SimulationsCli.BAD_INPUT);
        assertThat(err.toString()).contains("blank.jsonl: no events to replay");
        assertThat(run("run", events.toString(), "-o", aFile.toString(), "--quiet")).isEqualTo(SimulationsCli.BAD_INPUT);
        assertThat(err.toString()).contains("taken: is a file; the reports need a folder");
        assertThat(run("run", events.toString(), "--candidate", directory.resolve("nope").toString(), "--quiet"))
                .isEqualTo(SimulationsCli.BAD_INPUT);
        assertThat(err.toString()).contains("nope: no such rule-set folder");
    }

    @Test
    void aReportThatCannotBeWrittenIsNamedAndTheOldReportsStay() throws Exception {
        Path events = EventsFile.write(directory.resolve("q1.jsonl"), EventsFile.germanContracts(1));
        Path report = directory.resolve("report");
        assertThat(run("run", events.toString(), "-o", report.toString(), "--quiet")).isZero();
        String before = Files.readString(report.resolve("summary.csv"));
        Files.delete(report.resolve("what-if.xlsx"));
        Files.createDirectories(report.resolve("what-if.xlsx/locked"));   // a folder where the workbook goes
        Path rates = Files.writeString(directory.resolve("rates.csv"), "Jurisdiction,Rate %\nDE,16\n");

        int status = run("run", events.toString(), "--tax-rates", rates.toString(), "-o", report.toString(), "--quiet");

        assertThat(status).isEqualTo(SimulationsCli.BAD_INPUT);
        assertThat(err.toString()).contains("cannot write the reports").contains("what-if.xlsx");
        assertThat(report.resolve("summary.csv")).content().isEqualTo(before);
    }

    @Test
    void aMissingFileOrAnUnusableTableIsBadInput() throws Exception {
        Path table = Files.writeString(directory.resolve("rates.csv"), "Jurisdiction,Percent\nDE,16\n");

        assertThat(run("run", directory.resolve("nope.jsonl").toString(), "--quiet")).isEqualTo(SimulationsCli.BAD_INPUT);
        assertThat(err.toString()).contains("nope.jsonl: no such file");
        assertThat(run("run", directory.resolve("nope.jsonl").toString(), "--tax-rates", table.toString(), "--quiet"))
                .isEqualTo(SimulationsCli.BAD_INPUT);
        assertThat(err.toString()).contains("rates.csv:1: unknown column 'Percent'");
    }

    private int run(String... args) {
        CommandLine cli = SimulationsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
