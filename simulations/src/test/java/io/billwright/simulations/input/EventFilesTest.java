package io.billwright.simulations.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billwright.simulations.EventsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFilesTest {

    @TempDir
    Path directory;

    @Test
    void tellsTheBytesReadOfAllFilesUpToTheirTotalSize() throws Exception {
        // more lines than one chunk (4,096), so that progress is told on the way as well as at the end
        List<String> many = new ArrayList<>();
        while (many.size() < 5_000) {
            many.addAll(EventsFile.germanContracts(40).stream()
                    .map(line -> line.replace("C-SIM-", "C-" + many.size() + "-")).toList());
        }
        Path first = EventsFile.write(directory.resolve("a.jsonl"), many);
        Path second = EventsFile.write(directory.resolve("b.jsonl"), EventsFile.germanContracts(1));
        long total = java.nio.file.Files.size(first) + java.nio.file.Files.size(second);
        List<Long> told = new ArrayList<>();

        new EventFiles(false).read(List.of(first, second), told::add);

        assertThat(EventFiles.totalBytes(List.of(first, second))).isEqualTo(total);
        assertThat(told).hasSizeGreaterThanOrEqualTo(3).isSorted().last().isEqualTo(total);
        assertThat(told.get(0)).as("the first chunk's end, within the first file").isBetween(1L,
                java.nio.file.Files.size(first) - 1);
        assertThat(told).contains(java.nio.file.Files.size(first));
    }

    @Test
    void knowsTheTimeOfTheFirstAndTheLastEventApplied() {
        List<String> lines = new ArrayList<>(EventsFile.germanContracts(1));
        lines.set(1, io.billwright.events.testing.TestMessages.at(io.billwright.events.testing.TestMessages.timeEntry(
                "C-SIM-1", "TE-EARLY", java.time.LocalDate.of(2026, 1, 2), "1", "APPROVED"), "2026-01-02T17:00:00Z")
                .body());
        lines.add(io.billwright.events.testing.TestMessages.at(io.billwright.events.testing.TestMessages.timeEntry(
                "C-SIM-1", "TE-LATE", java.time.LocalDate.of(2026, 3, 30), "1", "APPROVED"), "2026-03-31T23:59:00Z")
                .body());
        Path file = EventsFile.write(directory.resolve("a.jsonl"), lines);

        LoadedEvents events = new EventFiles(false).read(List.of(file), done -> { });

        assertThat(events.firstEvent()).isEqualTo(java.time.Instant.parse("2026-01-02T17:00:00Z"));
        assertThat(events.lastEvent()).isEqualTo(java.time.Instant.parse("2026-03-31T23:59:00Z"));
    }

    @Test
    void groupsEventsByContractInFileOrder() {
        Path file = EventsFile.write(directory.resolve("a.jsonl"), EventsFile.germanContracts(2));

        LoadedEvents events = new EventFiles(false).read(List.of(file), done -> { });

        assertThat(events.byContract().keySet()).containsExactly("C-SIM-1", "C-SIM-2");
        assertThat(events.byContract().get("C-SIM-1")).hasSize(11);
        assertThat(events.byContract().get("C-SIM-1").get(0).getClass().getSimpleName()).isEqualTo("ContractReceived");
        assertThat(events.events()).isEqualTo(22);
    }

    @Test
    void namesEveryMissingFileAndReadsNothing() {
        Path present = EventsFile.write(directory.resolve("a.jsonl"), EventsFile.germanContracts(1));
        Path missing = directory.resolve("q3.jsonl");

        assertThatThrownBy(() -> new EventFiles(false).read(List.of(present, missing, directory), done -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(missing + ": no such file")
                .hasMessageContaining(directory + ": is a folder, not a JSON Lines file");
    }

    @Test
    void aMalformedLineIsNamedByFileAndLineAndStopsTheRead() {
        List<String> lines = new ArrayList<>(EventsFile.germanContracts(1));
        lines.add(3, "{\"specversion\":\"1.0\",\"id\":");
        Path file = EventsFile.write(directory.resolve("bad.jsonl"), lines);

        assertThatThrownBy(() -> new EventFiles(false).read(List.of(file), done -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":4: MALFORMED_JSON");
    }

    @Test
    void aLineTheServiceWouldParkNamesTheFieldAndCanBeSkipped() {
        List<String> lines = new ArrayList<>(EventsFile.germanContracts(1));
        lines.add(2, lines.get(1).replace("\"hours\":\"8\"", "\"hours\":\"eight\"").replace("TE-JAN-5", "TE-X"));
        lines.add(5, "not json at all");
        lines.add("");
        Path file = EventsFile.write(directory.resolve("bad.jsonl"), lines);

        assertThatThrownBy(() -> new EventFiles(false).read(List.of(file), done -> { }))
                .hasMessageStartingWith(file + ":3: ").hasMessageContaining("hours");

        LoadedEvents events = new EventFiles(true).read(List.of(file), done -> { });
        assertThat(events.skipped()).extracting(InputProblem::line).containsExactly(3L, 6L);
        assertThat(events.events()).isEqualTo(11);
    }

    @Test
    void aRepeatedMessageIdIsReadOnceLikeARedelivery() {
        List<String> lines = new ArrayList<>(EventsFile.germanContracts(1));
        lines.add(lines.get(1));
        Path file = EventsFile.write(directory.resolve("twice.jsonl"), lines);

        LoadedEvents events = new EventFiles(false).read(List.of(file), done -> { });

        assertThat(events.events()).isEqualTo(11);
        assertThat(events.duplicates()).isEqualTo(1);
    }
}
