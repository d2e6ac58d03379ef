package io.billwright.simulations;

import io.billwright.events.testing.TestMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small JSON Lines files of real CloudEvents for tests, built with the shared message builders. */
public final class EventsFile {

    private EventsFile() {
    }

    /**
     * German contracts (19% VAT, 5% retention) with approved hours in January and February and a close
     * for each month.
     */
    public static List<String> germanContracts(int contracts) {
        List<String> lines = new ArrayList<>();
        for (int c = 1; c <= contracts; c++) {
            String id = "C-SIM-" + c;
            lines.add(TestMessages.contract(id, "NETSUITE").body());
            for (int day = 5; day <= 26; day += 7) {
                lines.add(TestMessages.timeEntry(id, "TE-JAN-" + day, LocalDate.of(2026, 1, day), "8", "APPROVED").body());
                lines.add(TestMessages.timeEntry(id, "TE-FEB-" + day, LocalDate.of(2026, 2, day), "6.5", "APPROVED").body());
            }
            lines.add(TestMessages.periodClosed(id, "2026-01", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)).body());
            lines.add(TestMessages.periodClosed(id, "2026-02", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)).body());
        }
        return lines;
    }

    public static Path write(Path file, List<String> lines) {
        try {
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
