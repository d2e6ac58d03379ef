package io.billwright.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.events.Redelivery;
import io.billwright.messaging.support.Migrations;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.support.TestInfrastructure.Database;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A store written by the first schema (separate dedup tables) keeps recognising every message and every
 * item's last content after V2 folds both records into the event log, on PostgreSQL and on H2.
 */
class DedupMigrationIT {

    private static final Instant RECEIVED = Instant.parse("2026-02-01T09:00:00Z");
    private static final Instant EVENT_TIME = Instant.parse("2026-01-31T17:00:00Z");

    @TempDir
    static Path directory;

    static Stream<Database> databases() {
        return Stream.of(TestInfrastructure.get().newPostgresSchema(), TestInfrastructure.newH2(directory));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keepsEveryDedupRecordThroughTheMigration(Database database) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(),
                database.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Migrations.flyway(dataSource, database).target("1").load().migrate();

        // what the first schema held: an applied entry, its correction, and a resend skipped as a duplicate
        Timestamp at = Timestamp.from(RECEIVED);
        insertEvent(jdbc, "m-1", at);
        insertEvent(jdbc, "m-2", at);
        jdbc.update("insert into processed_message values ('m-1', 'C-1', 'hash-1', 'APPLIED', ?)", at);
        jdbc.update("insert into processed_message values ('m-2', 'C-1', 'hash-2', 'APPLIED', ?)", at);
        jdbc.update("insert into processed_message values ('m-3', 'C-1', 'hash-2', 'DUPLICATE_CONTENT', ?)", at);
        jdbc.update("insert into business_key values ('C-1', 'timeentry:TE-1', 'hash-2', 'm-2', ?)",
                Timestamp.from(EVENT_TIME));

        Migrations.flyway(dataSource, database).load().migrate();

        Deduplication dedup = new Deduplication(jdbc);
        assertThat(dedup.processedContents(List.of("m-1", "m-2", "m-3", "m-4")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("m-1", new Redelivery.Prior("hash-1", null),
                        "m-2", new Redelivery.Prior("hash-2", null), "m-3", new Redelivery.Prior("hash-2", null)));
        assertThat(dedup.lastSeen(List.<String[]>of(new String[] {"C-1", "timeentry:TE-1"},
                new String[] {"C-1", "timeentry:TE-2"})))
                .containsExactly(Map.entry(Redelivery.keyOf("C-1", "timeentry:TE-1"),
                        new Redelivery.LastSeen("hash-2", EVENT_TIME)));
        assertThat(jdbc.queryForList("select message_id, outcome from processed_message order by message_id"))
                .extracting(row -> row.get("message_id") + " " + row.get("outcome"))
                .containsExactly("m-1 APPLIED", "m-2 APPLIED", "m-3 DUPLICATE_CONTENT");
    }

    private static void insertEvent(JdbcTemplate jdbc, String messageId, Timestamp at) {
        jdbc.update("insert into event_log (message_id, contract_id, event_type, business_key, correlation_id, "
                + "received_at, body) values (?, 'C-1', 'io.billwright.timeentry.recorded', 'timeentry:TE-1', ?, ?, '{}')",
                messageId, messageId, at);
    }
}
