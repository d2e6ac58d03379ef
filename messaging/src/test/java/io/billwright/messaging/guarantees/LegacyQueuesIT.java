package io.billwright.messaging.guarantees;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.contract.ErpTarget;
import io.billwright.events.Stream;
import io.billwright.events.testing.TestMessages;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Upgrading from a release with one inbound queue per message type: messages left in those queues (published
 * before the partition key existed, so without it) are moved into the partitions by the new service, applied,
 * and the old queues are deleted; nothing is lost and nothing is parked.
 */
class LegacyQueuesIT {

    @Test
    void messagesLeftInThePerTypeQueuesAreMovedIntoThePartitionsAndApplied() {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        String contract = TestMessages.uniqueContractId();
        TestMessages.Msg version = TestMessages.contract(contract, "NETSUITE");
        TestMessages.Msg entry = TestMessages.timeEntry(contract, "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED");
        TestMessages.Msg close = TestMessages.periodClosed(contract, "2026-01", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31));
        try (TestBroker broker = new TestBroker()) {
            // what the release before partitioning declared, and what it left behind in a stopped service
            broker.declareTopicExchange(topology.inboundExchange());
            List<String> legacy = topology.legacyInboundQueues();
            Stream[] streams = Stream.values();
            for (int i = 0; i < streams.length; i++) {
                broker.declareQuorumQueue(legacy.get(i), topology.inboundExchange(), streams[i].bindingPattern());
            }
            for (TestMessages.Msg message : List.of(version, entry, close)) {
                broker.publish(topology.inboundExchange(), message.routingKey(),
                        message.body().getBytes(StandardCharsets.UTF_8), message.id(), null);
            }
            assertThat(legacy.stream().mapToLong(broker::depth).sum()).isEqualTo(3);

            TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
            try (ServiceHarness ignored = ServiceHarness.start(topology, database, Map.of())) {
                assertThat(Sql.awaitCount(database, "select count(*) from event_log", n -> n == 3,
                        Duration.ofSeconds(30))).as("all three applied").isEqualTo(3);
                assertThat(broker.await(topology.erpQueue(ErpTarget.NETSUITE), 1, Duration.ofSeconds(20)))
                        .as("January billed").hasSize(1);
                for (String queue : legacy) {
                    assertThat(broker.exists(queue)).as(queue + " deleted").isFalse();
                }
                assertThat(broker.drain(topology.deadLetterQueue(), Duration.ofMillis(300))).as("nothing parked")
                        .isEmpty();
            }
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }
}
