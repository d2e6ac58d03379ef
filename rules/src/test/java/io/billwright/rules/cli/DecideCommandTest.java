package io.billwright.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DecideCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @Test
    void explainsEveryDecisionOfTheExampleAndExitsZero() {
        int status = run("decide", "../examples/consulting-quarter.yaml");

        assertThat(status).isZero();
        assertThat(out.toString())
                .contains("HELD TE-001 AWAITING_CONTRACT - no approved contract version in force on 2026-01-05")
                .contains("because \"Time entry before its contract is held\"")
                .contains("REJECTED EX-002#over-limit 35.00 EUR OVER_CATEGORY_LIMIT")
                .contains("PACKAGE PKG-")
                .contains("Directive 2006/112/EC art. 44 and 196")
                .contains("1 passed, 0 failed, 0 unreadable");
    }

    @Test
    void exitsOneAndNamesTheStepWhenAnExpectationFails() throws Exception {
        String wrong = Files.readString(Path.of("src/test/resources/scenarios/tm/hours-billed-at-period-close.yaml"))
                .replace("amount: \"960.00\"", "amount: \"961.00\"");
        Path file = Files.writeString(dir.resolve("wrong.yaml"), wrong);

        int status = run("decide", "-q", file.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL " + file);
        assertThat(err.toString()).contains(file + " step 2 (TimeEntryRecorded TE-1): decision 1 (TE-1) amount:"
                + " expected 961.00, actual 960.00");
    }

    @Test
    void exitsTwoWhenTheRuleSetDoesNotCompile() throws Exception {
        Files.writeString(dir.resolve("broken.drl"), "package x\nrule \"broken\"\nwhen\n  Nothing(\nthen\nend\n");

        int status = run("decide", "--rules", dir.toString(), "../examples/consulting-quarter.yaml");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).startsWith("broken.drl:");
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new RulesCli());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
