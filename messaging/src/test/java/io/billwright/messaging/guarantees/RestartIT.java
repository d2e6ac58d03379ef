package io.billwright.messaging.guarantees;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.messaging.support.InMemoryReference;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.events.testing.TestMessages;
import io.billwright.events.testing.TestMessages.Msg;
import io.billwright.messaging.topology.Topology;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The service is stopped while period closes are still arriving and being billed, then started again:
 * every expected package id arrives, exactly once, and no other id does.
 */
class RestartIT {

    private static final int CONTRACTS = 400;

    @Test
    void stoppingMidStreamLosesNothingAndDuplicatesNothing() {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        ErpTarget[] targets = ErpTarget.values();
        List<Msg> setup = new ArrayList<>();
        List<Msg> closes = new ArrayList<>();
        List<Msg> inOrder = new ArrayList<>();
        for (int i = 0; i < CONTRACTS; i++) {
            String contract = "C-R" + i + "-" + topology.namespace();
            List<Msg> mine = List.of(TestMessages.contract(contract, targets[i % targets.length].name()),
                    TestMessages.timeEntry(contract, "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED"),
                    TestMessages.timeEntry(contract, "TE-2", LocalDate.of(2026, 1, 6), "4", "APPROVED"));
            Msg close = TestMessages.periodClosed(contract, "2026-01", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
            setup.addAll(mine);
            closes.add(close);
            inOrder.addAll(mine);
            inOrder.add(close);
        }
        List<String> expected = InMemoryReference.packages(inOrder).stream().map(BillingPackage::id)
                .map(id -> id.value()).toList();
        assertThat(expected).hasSize(CONTRACTS);
        List<TestBroker.Received> received = new ArrayList<>();

        try (TestBroker broker = new TestBroker()) {
            try (ServiceHarness service = ServiceHarness.start(topology, database, Map.of("billwright.consumers", 4))) {
                setup.forEach(m -> broker.publish(topology, m));
                Sql.awaitCount(database, "select count(*) from event_log", n -> n == setup.size(), Duration.ofSeconds(90));
                // a first wave of closes, until packages come out; then the rest in one burst, and the stop
                // right behind it, so the stop lands while closes are queued, prefetched and in flight however
                // fast the service has become
                int firstWave = closes.size() / 4;
                closes.subList(0, firstWave).forEach(m -> broker.publish(topology, m));
                long firstPackagesBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (received.isEmpty()) {
                    assertThat(System.nanoTime()).as("first packages within 60 s").isLessThan(firstPackagesBy);
                    for (ErpTarget target : targets) {
                        received.addAll(broker.await(topology.erpQueue(target), 1, Duration.ofMillis(50)));
                    }
                }
                broker.publishAll(topology, closes.subList(firstWave, closes.size()));
            } // context closed here, with closes still queued and in flight
            long appliedAtStop = Sql.count(database, "select count(*) from event_log");
            assertThat(appliedAtStop).as("stopped mid-stream").isLessThan(setup.size() + closes.size());

            try (ServiceHarness restarted = ServiceHarness.start(topology, database, Map.of("billwright.consumers", 4))) {
                received.addAll(broker.drainErpQueues(topology, CONTRACTS - received.size(), Duration.ofSeconds(90),
                        Duration.ofSeconds(1)));
            }
            Map<String, Long> timesReceived = received.stream()
                    .collect(Collectors.groupingBy(TestBroker.Received::messageId, Collectors.counting()));
            assertThat(timesReceived.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(timesReceived).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
            assertThat(Sql.count(database, "select count(*) from event_log")).isEqualTo(setup.size() + closes.size());
            assertThat(broker.drain(topology.deadLetterQueue(), Duration.ofMillis(200))).isEmpty();
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }
}
