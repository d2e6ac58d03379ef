package io.billwright.messaging.guarantees;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.contract.ErpTarget;
import io.billwright.messaging.parking.DeadLetterPublisher;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.events.testing.TestMessages;
import io.billwright.events.testing.TestMessages.Msg;
import io.billwright.messaging.topology.Topology;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A package the broker cannot route (its ERP queue is gone) is confirmed-but-returned: the outbox row
 * stays unsent and is retried with backoff. Routable again, it is delivered; never routable, it is
 * parked on the dead-letter queue after the last attempt and kept in the outbox.
 */
class OutboxRetryIT {

    private static final Map<String, Object> FAST_RELAY = Map.of(
            "billwright.relay.initial-backoff", "100ms",
            "billwright.relay.max-backoff", "400ms",
            "billwright.relay.max-attempts", 6);

    @Test
    void retriesAnUnroutablePackageUntilItsQueueIsBack() {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        String contract = "C-O1-" + topology.namespace();
        String queue = topology.erpQueue(ErpTarget.SAP_S4HANA);

        try (TestBroker broker = new TestBroker();
             ServiceHarness ignored = ServiceHarness.start(topology, database, FAST_RELAY)) {
            publisherConnected(broker, topology, database);
            broker.deleteQueue(queue);
            billOnePeriod(broker, topology, database, contract, "SAP_S4HANA");
            assertThat(Sql.awaitCount(database, "select max(attempts) from outbox where message_type like '%package%'",
                    n -> n >= 2, Duration.ofSeconds(20))).isGreaterThanOrEqualTo(2);
            assertThat(Sql.text(database, "select last_error from outbox where message_type like '%package%'"))
                    .contains("returned").contains("sap-s4hana");
            assertThat(Sql.count(database, "select count(*) from outbox where sent_at is not null and message_type "
                    + "like '%package%'")).isZero();

            broker.declareQuorumQueue(queue, topology.erpExchange(), Topology.routingKey(ErpTarget.SAP_S4HANA));
            List<TestBroker.Received> delivered = broker.await(queue, 1, Duration.ofSeconds(20));
            assertThat(delivered).hasSize(1);
            assertThat(Sql.text(database, "select package_id from billing_package")).isEqualTo(delivered.get(0).messageId());
            assertThat(Sql.awaitCount(database, "select count(*) from outbox where sent_at is null", n -> n == 0,
                    Duration.ofSeconds(10))).isZero();
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }

    /**
     * A process that committed outbox rows and died before its relay published them leaves them leased:
     * when the lease ends, the poll of a running relay publishes them.
     */
    @Test
    void aRowLeftLeasedByAProcessThatDiedIsPublishedWhenItsLeaseEnds() throws Exception {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        String queue = topology.erpQueue(ErpTarget.SAP_S4HANA);

        try (TestBroker broker = new TestBroker();
             ServiceHarness ignored = ServiceHarness.start(topology, database, FAST_RELAY)) {
            publisherConnected(broker, topology, database);
            String messageId = "PKG-orphan-" + topology.namespace();
            try (java.sql.Connection connection = database.connect();
                 java.sql.PreparedStatement insert = connection.prepareStatement("insert into outbox (message_id, "
                         + "exchange_name, routing_key, correlation_id, message_type, body, created_at, next_attempt_at, "
                         + "attempts, claimed_until) values (?, ?, ?, 'corr-orphan', 'io.billwright.package.v1', "
                         + "'{\"orphan\":true}', ?, ?, 0, ?)")) {
                java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
                insert.setString(1, messageId);
                insert.setString(2, topology.erpExchange());
                insert.setString(3, Topology.routingKey(ErpTarget.SAP_S4HANA));
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(3)));
                insert.executeUpdate();
            }

            assertThat(broker.await(queue, 1, Duration.ofMillis(1500))).as("still leased").isEmpty();
            List<TestBroker.Received> delivered = broker.await(queue, 1, Duration.ofSeconds(20));
            assertThat(delivered).singleElement().satisfies(m -> assertThat(m.messageId()).isEqualTo(messageId));
            assertThat(Sql.awaitCount(database, "select count(*) from outbox where sent_at is not null and message_id = '"
                    + messageId + "'", n -> n == 1, Duration.ofSeconds(10))).isEqualTo(1);
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }

    @Test
    void parksAPackageThatStaysUnroutableAndKeepsItsRow() {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        String contract = "C-O2-" + topology.namespace();

        try (TestBroker broker = new TestBroker();
             ServiceHarness ignored = ServiceHarness.start(topology, database, FAST_RELAY)) {
            publisherConnected(broker, topology, database);
            broker.deleteQueue(topology.erpQueue(ErpTarget.NETSUITE));
            billOnePeriod(broker, topology, database, contract, "NETSUITE");
            List<TestBroker.Received> parked = broker.await(topology.deadLetterQueue(), 1, Duration.ofSeconds(30));
            assertThat(parked).singleElement().satisfies(message -> {
                assertThat(message.header(DeadLetterPublisher.REASON)).isEqualTo("PUBLISH_FAILED");
                assertThat(message.header(DeadLetterPublisher.ATTEMPTS)).isEqualTo("6");
                assertThat(message.messageId()).isEqualTo(Sql.text(database, "select package_id from billing_package"));
            });
            assertThat(Sql.count(database, "select count(*) from outbox where parked_at is not null")).isEqualTo(1);
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }

    /**
     * The service declares its topology again on every new connection, so a queue deleted before its
     * publisher connection opens would simply come back: publish something first.
     */
    private static void publisherConnected(TestBroker broker, Topology topology, TestInfrastructure.Database database) {
        broker.publish(topology, TestMessages.timeEntry("C-NONE-" + topology.namespace(), "TE-0",
                LocalDate.of(2026, 1, 5), "1", "APPROVED"));
        assertThat(broker.await(topology.exceptionsQueue(), 1, Duration.ofSeconds(20))).hasSize(1);
        Sql.awaitCount(database, "select count(*) from outbox where sent_at is not null", n -> n == 1,
                Duration.ofSeconds(10));
    }

    private static void billOnePeriod(TestBroker broker, Topology topology, TestInfrastructure.Database database,
                                      String contract, String erp) {
        Msg[] messages = {TestMessages.contract(contract, erp),
            TestMessages.timeEntry(contract, "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED")};
        for (Msg message : messages) {
            broker.publish(topology, message);
        }
        Sql.awaitCount(database, "select count(*) from event_log", n -> n == 3, Duration.ofSeconds(20));
        broker.publish(topology, TestMessages.periodClosed(contract, "2026-01", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31)));
    }
}
