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
