package io.billwright.messaging.store;

import static io.billwright.messaging.fixtures.ContractBuilder.aContract;
import static io.billwright.messaging.fixtures.TimeEntryBuilder.aTimeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.event.ContractReceived;
import io.billwright.engine.event.EventId;
import io.billwright.engine.event.TimeEntryRecorded;
import io.billwright.engine.state.ContractState;
import io.billwright.messaging.support.InMemoryReference;
import io.billwright.messaging.support.Migrations;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.support.TestInfrastructure.Database;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Item rows written by a release that keyed them by Java class name ({@code TimeEntry:TE-1}, an excess
 * under {@code Excess:TimeEntry:TE-2} naming its source the same way) read back, after the migration, as
 * the same state under the stable kinds ({@code TIME_ENTRY:TE-1}, {@code EXCESS:TIME_ENTRY:TE-2}).
 */
class ItemKindMigrationIT {

    @TempDir
    static Path directory;

    static Stream<Database> databases() {
        return Stream.of(TestInfrastructure.get().newPostgresSchema(), TestInfrastructure.newH2(directory));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rowsKeyedByClassNameReadBackUnderTheStableKinds(Database database) {
        ContractState state = aCappedContractWithAnExcess();
        assertThat(state.items().keySet()).contains("TIME_ENTRY:TE-1", "EXCESS:TIME_ENTRY:TE-2");

        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(),
                database.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Migrations.flyway(dataSource, database).target("3").load().migrate();
        StateCodec codec = new StateCodec();
        jdbc.update("insert into contract_state (contract_id, revision, state, updated_at) values (?, 7, ?, ?)",
                "C-MIG", codec.encodeHeader(state), Timestamp.from(Instant.now()));
        state.items().forEach((key, record) -> jdbc.update(
                "insert into contract_item (contract_id, item_key, record) values ('C-MIG', ?, ?)",
                asOldRelease(key), asOldRelease(codec.encodeItem(record))));
        assertThat(jdbc.queryForList("select item_key from contract_item", String.class))
                .as("the rows as an earlier release wrote them").contains("TimeEntry:TE-1", "Excess:TimeEntry:TE-2");

        Migrations.flyway(dataSource, database).load().migrate();

        assertThat(jdbc.queryForList("select item_key from contract_item", String.class))
                .containsExactlyInAnyOrderElementsOf(state.items().keySet());
        ContractStateRepository states = new ContractStateRepository(JdbcClient.create(dataSource), jdbc, codec,
                Clock.systemUTC(), new DataSourceTransactionManager(dataSource));
        Map<String, ContractStateRepository.Snapshot> read = new TransactionTemplate(
                new DataSourceTransactionManager(dataSource)).execute(status -> states.lockAll(
                List.of(new ContractId("C-MIG"))));
        assertThat(read.get("C-MIG").state()).isEqualTo(state.withoutProcessedEvents());
    }

    /** A contract capped at 1,000.00 with one entry within the cap and one over it, held as an excess. */
    private static ContractState aCappedContractWithAnExcess() {
        BillingEngine engine = BillingEngine.using(InMemoryReference.ruleSet());
        ContractState state = ContractState.empty(new ContractId("C-MIG"));
        state = engine.apply(new ContractReceived(new EventId("m-1"),
                aContract().withId("C-MIG").withCap("1000.00").build()), state).state();
        state = engine.apply(new TimeEntryRecorded(new EventId("m-2"), new ContractId("C-MIG"),
                aTimeEntry().withId("TE-1").on("2026-01-05").withHours("8").build()), state).state();
        state = engine.apply(new TimeEntryRecorded(new EventId("m-3"), new ContractId("C-MIG"),
                aTimeEntry().withId("TE-2").on("2026-01-06").withHours("8").build()), state).state();
        return state.settled();
    }

    /** The key or record text as a release before the stable kinds wrote it. */
    private static String asOldRelease(String text) {
        return text.replace("EXCESS:", "Excess:").replace("TIME_ENTRY:", "TimeEntry:");
    }
}
