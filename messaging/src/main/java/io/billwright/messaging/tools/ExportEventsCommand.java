package io.billwright.messaging.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export-events}: the service's event log over a date range, as the JSON Lines the what-if
 * simulator reads. Every applied message is in the log exactly as it was received, in the order it was
 * applied; parked and duplicate messages are not (they changed nothing).
 */
@Command(name = "export-events", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the messages the service applied (its event log) as CloudEvents JSON Lines,",
            "for a what-if simulation. Reads the database the service uses: SPRING_DATASOURCE_URL,",
            "_USERNAME and _PASSWORD, or the embedded default ./data/billwright."})
final class ExportEventsCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "DATE", description = "First day received (inclusive, UTC), e.g. 2026-07-01")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Day after the last day received (exclusive, UTC)")
    LocalDate to;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write (default: standard output)")
    Path out;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (from != null && to != null && !to.isAfter(from)) {
            spec.commandLine().getErr().println("--to must be after --from");
            return 2;
        }
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("select body from event_log "
                     + "where received_at >= ? and received_at < ? order by seq")) {
            query.setTimestamp(1, Timestamp.from((from == null ? LocalDate.of(1970, 1, 1) : from)
                    .atStartOfDay().toInstant(ZoneOffset.UTC)));
            query.setTimestamp(2, Timestamp.from((to == null ? LocalDate.of(9999, 1, 1) : to)
                    .atStartOfDay().toInstant(ZoneOffset.UTC)));
            query.setFetchSize(1_000);
            connection.setAutoCommit(false); // PostgreSQL streams rows only inside a transaction
            long count = 0;
            try (ResultSet rows = query.executeQuery(); Writer writer = open()) {
                while (rows.next()) {
                    writer.write(rows.getString(1).replace("\r", "").replace("\n", ""));
                    writer.write('\n');
                    count++;
                }
            }
            spec.commandLine().getErr().printf("exported %,d events%s%n", count, out == null ? "" : " to " + out);
            return 0;
        } catch (SQLException e) {
            database.explain("the event log", e).forEach(spec.commandLine().getErr()::println);
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }

    private Writer open() throws IOException {
        if (out == null) {
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
                @Override
                public void close() {
                    try {
                        flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }
}
