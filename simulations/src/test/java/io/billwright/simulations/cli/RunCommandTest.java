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
