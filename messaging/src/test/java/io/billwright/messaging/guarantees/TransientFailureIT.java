package io.billwright.messaging.guarantees;

import io.billwright.events.Stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.messaging.parking.DeadLetterPublisher;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.events.testing.TestMessages;
import io.billwright.messaging.topology.Topology;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot be used for a while (here: another session holds an exclusive lock on the
 * state table, so every statement times out) is a transient failure: retried with backoff, processed
 * once it clears, parked with RETRIES_EXHAUSTED when it outlasts every attempt.
 */
class TransientFailureIT {

    private static final Map<String, Object> SHORT_RETRIES = Map.of(
            "spring.datasource.hikari.connection-init-sql", "SET lock_timeout = '200ms'",
            "billwright.retry.max-attempts", 4,
            "billwright.retry.initial-backoff", "100ms",
            "billwright.retry.max-backoff", "300ms",
            "billwright.consumers", 1);

    @Test
    void retriesWhileTheDatabaseIsUnavailableThenParksWhenItStaysSo() throws Exception {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        TestMessages.Msg recovers = TestMessages.contract("C-T1-" + topology.namespace(), "NETSUITE");
        TestMessages.Msg parks = TestMessages.contract("C-T2-" + topology.namespace(), "NETSUITE");
        TestMessages.Msg after = TestMessages.contract("C-T3-" + topology.namespace(), "NETSUITE");

        try (TestBroker broker = new TestBroker();
             ServiceHarness service = ServiceHarness.start(topology, database, SHORT_RETRIES)) {
            try (Connection blocker = database.connect()) {
                lockStateTable(blocker);
                broker.publish(topology, recovers);
                Thread.sleep(700); // a few attempts fail meanwhile
                blocker.rollback();
            }
            assertThat(Sql.awaitCount(database, "select count(*) from event_log where message_id = '" + recovers.id()
                    + "'", n -> n == 1, Duration.ofSeconds(20))).as("processed once the database is back").isEqualTo(1);
            assertThat(service.bean(MeterRegistry.class).counter("billwright.messages.retried").count())
                    .as("it took retries").isGreaterThanOrEqualTo(1);
            assertThat(broker.drain(topology.deadLetterQueue(), Duration.ofMillis(300))).as("and was not parked").isEmpty();

            try (Connection blocker = database.connect()) {
                lockStateTable(blocker);
                broker.publish(topology, parks);
                List<TestBroker.Received> parked = broker.await(topology.deadLetterQueue(), 1, Duration.ofSeconds(20));
                assertThat(parked).singleElement().satisfies(message -> {
                    assertThat(message.messageId()).isEqualTo(parks.id());
                    assertThat(message.header(DeadLetterPublisher.REASON)).isEqualTo("RETRIES_EXHAUSTED");
                    assertThat(message.header(DeadLetterPublisher.ATTEMPTS)).isEqualTo("4");
                    assertThat(message.header(DeadLetterPublisher.DETAIL)).containsIgnoringCase("lock");
                    assertThat(message.header(DeadLetterPublisher.ORIGINAL_QUEUE))
                            .isEqualTo(topology.inboundQueue(Stream.CONTRACTS));
                });
                blocker.rollback();
            }
            broker.publish(topology, after);
            assertThat(Sql.awaitCount(database, "select count(*) from event_log where message_id = '" + after.id() + "'",
                    n -> n == 1, Duration.ofSeconds(20))).as("the queue keeps flowing").isEqualTo(1);
            assertThat(Sql.count(database, "select count(*) from event_log where message_id = '" + parks.id() + "'"))
                    .as("a parked message is not applied").isZero();
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
