package io.billwright.messaging.guarantees;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.events.testing.TestMessages;
import io.billwright.messaging.partition.PartitionActivity;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.topology.Topology;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A partition handed from one instance to another while it has a backlog keeps its order: once when the
 * instance consuming it gives it to its owner (a rebalance), once when the new consumer stops cleanly (a
 * rolling restart). The event log, in the order applied, is exactly the order published. (A hand-over by
 * cancelling the consumer would not keep it: the broker activates the next consumer before the cancelled
 * one's prefetched messages come back.)
 */
class HandOverOrderIT {

    @Test
    void aPartitionHandedOverUnderABacklogKeepsItsOrder() throws Exception {
        Topology topology = new Topology(TestInfrastructure.newNamespace(), 1);
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        List<TestMessages.Msg> messages = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            String contract = TestMessages.uniqueContractId();
            messages.add(TestMessages.contract(contract, "NETSUITE"));
        }
        for (int n = 0; n < 3000; n++) {
            String contract = messages.get(n % 10).body().replaceAll(".*\"data\":\\{\"id\":\"([^\"]+)\".*", "$1");
            messages.add(TestMessages.timeEntry("entry-" + n, contract, "TE-" + n, LocalDate.of(2026, 1, 1 + n % 28),
                    "1", "APPROVED"));
        }
        Map<String, Object> one = Map.of("billwright.partitions.count", 1, "billwright.partitions.heartbeat", "300ms",
                "billwright.partitions.expiry", "3s", "billwright.batch-size", 5);
        try (TestBroker broker = new TestBroker()) {
            // "z-first" starts alone and consumes; "a-second" joins and owns partition 0 (rank 0 of the sorted ids)
            ServiceHarness first = ServiceHarness.start(topology, database, with(one, "z-first"));
            ServiceHarness second = null;
            try {
                broker.publishAll(topology, messages);
                Sql.awaitCount(database, "select count(*) from event_log", n -> n >= 300, Duration.ofSeconds(60));
                second = ServiceHarness.start(topology, database, with(one, "a-second"));
                ServiceHarness owner = second;
                awaitConsuming(owner, topology);
                // the owner stops cleanly while the backlog lasts: the partition goes back to "z-first"
                assertThat(Sql.count(database, "select count(*) from event_log")).as("a backlog remains")
                        .isLessThan(messages.size());
                second.close();
                second = null;
                assertThat(Sql.awaitCount(database, "select count(*) from event_log", n -> n == messages.size(),
                        Duration.ofSeconds(120))).isEqualTo(messages.size());
            } finally {
                if (second != null) {
                    second.close();
                }
                first.close();
            }
            List<String> applied = List.of(Sql.text(database, "select string_agg(message_id, ',' order by seq) from"
                    + " event_log").split(","));
            assertThat(applied).containsExactlyElementsOf(messages.stream().map(TestMessages.Msg::id).toList());
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }

    private static void awaitConsuming(ServiceHarness service, Topology topology) throws InterruptedException {
        PartitionActivity activity = service.bean(PartitionActivity.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (activity.count(topology.partitionQueue(0)) < 50 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(activity.count(topology.partitionQueue(0))).as("the owner took the partition over").isGreaterThan(0);
    }

    private static Map<String, Object> with(Map<String, Object> settings, String instance) {
        Map<String, Object> all = new java.util.HashMap<>(settings);
        all.put("billwright.partitions.instance-id", instance);
        return all;
    }
}
