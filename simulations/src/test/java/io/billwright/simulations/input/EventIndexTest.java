package io.billwright.simulations.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billwright.simulations.EventsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventIndexTest {

    @TempDir
    Path directory;

    @Test
    void linesReadAgainFromTheFileGiveTheSameEventsAsLinesKept() throws IOException {
        List<String> lines = new ArrayList<>(EventsFile.germanContracts(3));
        lines.add(lines.get(4));                                                    // a redelivery
        lines.add(lines.get(2).replace("msg-C-SIM-1-TE-FEB-5-approved", "resent")); // the same content, a new id
        // a byte-order mark and Windows line ends move every offset; the lines read again must still be whole
        Path file = directory.resolve("crlf.jsonl");
        Files.write(file, ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
        Path second = EventsFile.write(directory.resolve("more.jsonl"), EventsFile.germanContracts(4).subList(33, 44));

        List<ContractEvents> kept = all(new EventFiles(false).index(List.of(file, second), done -> { }, Long.MAX_VALUE));
        List<ContractEvents> readAgain = all(new EventFiles(false).index(List.of(file, second), done -> { }, 0));

        assertThat(readAgain).isEqualTo(kept);
        assertThat(kept).extracting(ContractEvents::contractId).containsExactly("C-SIM-1", "C-SIM-2", "C-SIM-3",
                "C-SIM-4");
        assertThat(kept.get(0).events()).hasSize(11);
        assertThat(kept.get(0).duplicates()).isEqualTo(2);
        assertThat(kept.get(3).events()).hasSize(11);
    }

    @Test
    void anIdAnotherContractUsedFirstIsRefusedAsTheServiceRemembersIdsAcrossContracts() {
        List<String> lines = new ArrayList<>(EventsFile.germanContracts(2));
        int reuse = lines.size() - 3;
        lines.set(reuse, lines.get(reuse).replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"msg-C-SIM-1-TE-JAN-5-approved\""));
        Path file = EventsFile.write(directory.resolve("reused.jsonl"), lines);

        for (long budget : new long[] {0, Long.MAX_VALUE}) {
            try (EventIndex index = new EventFiles(false).index(List.of(file), done -> { }, budget)) {
                assertThat(index.events(0).refused()).isEmpty();
                assertThat(index.events(1).refused()).singleElement().hasToString(file + ":" + (reuse + 1)
                        + ": ID_REUSED (field id): message id 'msg-C-SIM-1-TE-JAN-5-approved' was processed before"
                        + " with different content; CloudEvents ids must be unique across sources");
                assertThat(index.events(1).events()).hasSize(10);
            }
        }
        assertThatThrownBy(() -> new EventFiles(false).read(List.of(file), done -> { }))
                .hasMessageStartingWith(file + ":" + (reuse + 1) + ": ID_REUSED");
        assertThat(new EventFiles(true).read(List.of(file), done -> { }).skipped())
                .extracting(InputProblem::line).containsExactly((long) reuse + 1);
    }

    @Test
    void theTableOfIdsKeepsTheFirstContractOfEveryIdAsItGrows() {
        MessageIds ids = new MessageIds(10);
        for (int i = 0; i < 200_000; i++) {
            assertThat(ids.putIfAbsent("msg-" + i, i % 7)).isEqualTo(-1);
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertThat(ids.putIfAbsent("msg-" + i, 99)).isEqualTo(i % 7);
        }
    }

    @Test
    void aFileThatChangedSinceItWasReadIsNamed() throws IOException {
        Path file = EventsFile.write(directory.resolve("a.jsonl"), EventsFile.germanContracts(1));
        try (EventIndex index = new EventFiles(false).index(List.of(file), done -> { }, 0)) {
            String text = Files.readString(file);
            Files.writeString(file, text.replaceFirst("\"specversion\":\"1.0\"", "\"specversion\":\"9.9\""));
            assertThatThrownBy(() -> index.events(0)).isInstanceOf(InputException.class)
                    .hasMessageStartingWith(file + ":1: changed since it was read");
        }
    }

    @Test
    void aLineThatNowHoldsAnotherValidMessageStopsTheRun() throws IOException {
        Path file = EventsFile.write(directory.resolve("a.jsonl"), EventsFile.germanContracts(1));
        try (EventIndex index = new EventFiles(false).index(List.of(file), done -> { }, 0)) {
            Files.writeString(file, Files.readString(file).replaceFirst("\"hours\":\"8\"", "\"hours\":\"9\""));
            assertThatThrownBy(() -> index.events(0)).isInstanceOf(InputException.class)
                    .hasMessage(file + ":2: changed since it was read: it holds another message now");
        }
    }

    @Test
    void theFirstRefusedLineInTheFileIsNamedWhicheverContractItIsIn() {
        List<String> lines = new ArrayList<>(EventsFile.germanContracts(2));
        // contract 1's last line reuses an id of contract 2 that came earlier: refused at the end of the file
        lines.add(lines.get(10).replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"msg-C-SIM-2-TE-JAN-5-approved\""));
        // contract 2 reuses contract 1's first entry id with its own data earlier in the file: line 14
        lines.set(13, lines.get(13).replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"msg-C-SIM-1-TE-JAN-5-approved\""));
        Path file = EventsFile.write(directory.resolve("reused.jsonl"), lines);

        assertThatThrownBy(() -> new EventFiles(false).read(List.of(file), done -> { }))
                .hasMessageStartingWith(file + ":14: ID_REUSED");
    }

    @Test
    void contractsComeInTheOrderOfTheirFirstEventApplied() {
        List<String> lines = new ArrayList<>(EventsFile.germanContracts(3));
        // contract 3's receipt moves to the top, but under contract 1's id with other data: refused and skipped
        String third = lines.remove(22);
        lines.add(1, third.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"msg-C-SIM-1-contract\""));
        lines.add(23, third);
        Path file = EventsFile.write(directory.resolve("order.jsonl"), lines);

        LoadedEvents events = new EventFiles(true).read(List.of(file), done -> { });

        assertThat(events.skipped()).extracting(InputProblem::line).containsExactly(2L);
        assertThat(events.byContract().keySet()).containsExactly("C-SIM-1", "C-SIM-2", "C-SIM-3");
    }

    private static List<ContractEvents> all(EventIndex index) {
        try (index) {
            List<ContractEvents> out = new ArrayList<>();
            for (int contract = 0; contract < index.contracts(); contract++) {
                out.add(index.events(contract));
            }
            return out;
        }
    }
}
