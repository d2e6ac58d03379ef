package io.billwright.messaging.guarantees;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.events.testing.TestMessages;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.topology.Topology;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot be used for a while (here: another session holds an exclusive lock on the
 * state table, so every statement times out) is a transient failure. The partition waits: the message is
 * retried for as long as the failure lasts, nothing is parked, and the contract's next message is applied
 * after it, never before (parking it would have billed the contract without it).
 */
class TransientFailureIT {

    private static final Map<String, Object> SHORT_RETRIES = Map.of(
            "spring.datasource.hikari.connection-init-sql", "SET lock_timeout = '200ms'",
            "billwright.retry.initial-backoff", "100ms",
            "billwright.retry.max-backoff", "300ms",
            "billwright.partitions.count", 1);

    @Test
    void holdsThePartitionWhileTheDatabaseIsUnavailableAndParksNothing() throws Exception {
        Topology topology = new Topology(TestInfrastructure.newNamespace(), 1);
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        String contract = "C-T1-" + topology.namespace();
        TestMessages.Msg first = TestMessages.contract(contract, "NETSUITE");
        TestMessages.Msg second = TestMessages.timeEntry(contract, "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED");

        try (TestBroker broker = new TestBroker();
             ServiceHarness service = ServiceHarness.start(topology, database, SHORT_RETRIES)) {
            try (Connection blocker = database.connect()) {
                lockStateTable(blocker);
                broker.publish(topology, first);
                broker.publish(topology, second);
                // far longer than the eight attempts after which earlier releases parked the message
                Thread.sleep(4_000);
                assertThat(broker.drain(topology.deadLetterQueue(), Duration.ofMillis(300)))
                        .as("nothing parked while the database is unavailable").isEmpty();
                blocker.rollback();
            }
            assertThat(Sql.awaitCount(database, "select count(*) from event_log where contract_id = '" + contract + "'",
                    n -> n == 2, Duration.ofSeconds(20))).as("both applied once the database is back").isEqualTo(2);
            assertThat(Sql.text(database, "select string_agg(message_id, ',' order by seq) from event_log"))
                    .as("in the order they were published").isEqualTo(first.id() + "," + second.id());
            assertThat(service.bean(MeterRegistry.class).counter("billwright.messages.retried").count())
                    .as("it took retries, more than the old limit of eight").isGreaterThan(8);
            assertThat(broker.drain(topology.deadLetterQueue(), Duration.ofMillis(300))).as("and none parked").isEmpty();
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }

    private static void lockStateTable(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table contract_state in access exclusive mode");
        }
    }
}
