package io.billwright.rules.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario file with a mistake fails with the file, the line and the field named. */
class ScenarioReaderTest {

    private static final String CONTRACT = """
            title: bad input
            contract:
              id: C-1
              version: 1
              status: APPROVED
              effectiveFrom: 2026-01-01
              currency: EUR
              billingModel: TIME_AND_MATERIALS
              customer: { id: A, country: DE }
              seller: { id: S, country: DE }
            steps:
              - contract: {}
            """;

    @TempDir
    Path dir;

    @Test
    void namesAnUnknownField() throws Exception {
        Path file = write("unknown.yaml", CONTRACT
                + "  - timeEntry: { id: TE-1, role: X, date: 2026-01-05, hours: \"8\", status: APPROVED, hourz: 3 }\n");

        assertThatThrownBy(() -> new ScenarioReader().read(file))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageStartingWith(file + ":13: ")
                .hasMessageContaining("steps[1].timeEntry")
                .hasMessageContaining("unknown field 'hourz'");
    }

    @Test
    void namesAMissingAmount() throws Exception {
        Path file = write("missing.yaml", CONTRACT
                + "  - expense: { id: EX-1, date: 2026-01-05, category: TRAVEL, currency: EUR, status: APPROVED }\n");

        assertThatThrownBy(() -> new ScenarioReader().read(file))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageStartingWith(file + ":13: ")
                .hasMessageContaining("steps[1].expense")
                .hasMessageContaining("required field 'amount' is missing");
    }

    @Test
    void namesAManualDecisionApprovedByThePersonWhoAskedForIt() throws Exception {
        Path file = write("manual.yaml", CONTRACT + "  - manualDecision: { itemId: \"TIME_ENTRY:TE-1\", action: RELEASE,"
                + " reason: ok, requestedBy: fiona, approvedBy: fiona }\n");

        assertThatThrownBy(() -> new ScenarioReader().read(file))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessage(file + ":13: steps[1].manualDecision.approvedBy: 'fiona' also requested the decision; a"
                        + " manual decision needs a second person's approval");
    }

    @Test
    void namesAMalformedDate() throws Exception {
        Path file = write("date.yaml", CONTRACT
                + "  - timeEntry: { id: TE-1, role: X, date: 2026-13-05, hours: \"8\", status: APPROVED }\n");

        assertThatThrownBy(() -> new ScenarioReader().read(file))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageStartingWith(file + ":13: ")
                .hasMessageContaining("steps[1].timeEntry.date")
                .hasMessageContaining("2026-13-05");
    }

    @Test
    void namesAnUnknownStatus() throws Exception {
        Path file = write("status.yaml", CONTRACT
                + "  - timeEntry: { id: TE-1, role: X, date: 2026-01-05, hours: \"8\", status: DONE }\n");

        assertThatThrownBy(() -> new ScenarioReader().read(file))
                .hasMessageContaining("steps[1].timeEntry.status")
                .hasMessageContaining("'DONE'")
                .hasMessageContaining("APPROVED");
    }

    @Test
    void namesAMistakeInTheContractTemplateAtItsLine() throws Exception {
        Path file = write("template.yaml", CONTRACT.replace("  currency: EUR\n", "  currency: EUR\n  notToExced: \"10\"\n"));

        assertThatThrownBy(() -> new ScenarioReader().read(file))
                .hasMessageStartingWith(file + ":8: ")
                .hasMessageContaining("contract")
                .hasMessageContaining("unknown field 'notToExced'");
    }

    @Test
    void refusesANegativeRateNamingTheRole() throws Exception {
        Path file = write("rate.yaml", CONTRACT.replace("  currency: EUR\n", "  currency: EUR\n  rateCard: { CONSULTANT: \"-100.00\" }\n"));

        assertThatThrownBy(() -> new ScenarioReader().read(file))
                .hasMessageContaining("rateCard.CONSULTANT must not be negative, was -100.00");
    }

    @Test
    void refusesAStepWithTwoEvents() throws Exception {
        Path file = write("two.yaml", CONTRACT
                + "  - contractCompleted: { date: 2026-02-01 }\n    periodClosed: { id: P, start: 2026-01-01, end: 2026-01-31 }\n");

        assertThatThrownBy(() -> new ScenarioReader().read(file))
                .hasMessageContaining("steps[1]")
                .hasMessageContaining("exactly one of");
    }

    @Test
    void reportsEveryBadStepAtItsOwnLineNotOnlyTheFirst() throws Exception {
        Path file = write("many.yaml", CONTRACT
                + "  - contractCompleted: { date: 2026-02-01 }\n    periodClosed: { id: P, start: 2026-01-01, end: 2026-01-31 }\n"
                + "  - contractCompleted: { date: 2026-03-01 }\n    periodClosed: { id: Q, start: 2026-02-01, end: 2026-02-28 }\n");
        int first = (int) CONTRACT.lines().count() + 1;

        assertThatThrownBy(() -> new ScenarioReader().read(file))
                .hasMessageContaining(file + ":" + first + ": steps[1]")
                .hasMessageContaining(file + ":" + (first + 2) + ": steps[2]");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
