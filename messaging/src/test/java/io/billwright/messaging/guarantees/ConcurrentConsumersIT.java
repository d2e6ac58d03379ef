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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Four consumers, one contract, everything at once: time entries from several publishers in parallel,
 * then each period close sent three times at once under different message ids. Each trigger yields
 * exactly one package, the one the engine computes in memory.
 */
class ConcurrentConsumersIT {

    @TempDir
    static Path h2Directory;

    static Stream<TestInfrastructure.Database> databases() {
        return Stream.of(TestInfrastructure.get().newPostgresSchema(), TestInfrastructure.newH2(h2Directory));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachTriggerYieldsExactlyOnePackage(TestInfrastructure.Database database) throws Exception {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        String contract = TestMessages.uniqueContractId();
        Msg contractMsg = TestMessages.contract(contract, "DYNAMICS_365");
        List<Msg> entries = new ArrayList<>();
        for (int day = 1; day <= 20; day++) {
            entries.add(TestMessages.timeEntry(contract, "JAN-" + day, LocalDate.of(2026, 1, day), "8", "APPROVED"));
            entries.add(TestMessages.timeEntry(contract, "FEB-" + day, LocalDate.of(2026, 2, day), "6", "APPROVED"));
        }
        List<Msg> januaryCloses = new ArrayList<>();
        List<Msg> februaryCloses = new ArrayList<>();
        for (int copy = 1; copy <= 3; copy++) {
            januaryCloses.add(TestMessages.periodClosed("close-jan-" + copy, contract, "2026-01",
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
            februaryCloses.add(TestMessages.periodClosed("close-feb-" + copy, contract, "2026-02",
                    LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        }
        List<Msg> closes = new ArrayList<>(januaryCloses);
        closes.addAll(februaryCloses);
        List<Msg> inOrder = new ArrayList<>();
        inOrder.add(contractMsg);
        inOrder.addAll(entries);
        inOrder.addAll(closes);
        List<BillingPackage> expected = InMemoryReference.packages(inOrder);
        assertThat(expected).hasSize(2);

        try (ServiceHarness ignored = ServiceHarness.start(topology, database, Map.of("billwright.consumers", 4))) {
            try (TestBroker broker = new TestBroker()) {
                broker.publish(topology, contractMsg);
            }
            publishInParallel(topology, entries, 4);
            assertThat(Sql.awaitCount(database, "select count(*) from event_log", n -> n == 1 + entries.size(),
                    Duration.ofSeconds(60))).isEqualTo(1 + entries.size());
            // a close bills everything pending up to its end, so February's must not overtake January's:
            // each period's copies race each other, the periods go in order
            publishInParallel(topology, januaryCloses, januaryCloses.size());
            Sql.awaitCount(database, "select count(*) from processed_message", n -> n == 1 + entries.size() + 3,
                    Duration.ofSeconds(30));
            publishInParallel(topology, februaryCloses, februaryCloses.size());

            try (TestBroker broker = new TestBroker()) {
                List<TestBroker.Received> packages = broker.await(topology.erpQueue(ErpTarget.DYNAMICS_365), 2,
                        Duration.ofSeconds(30));
                packages.addAll(broker.drain(topology.erpQueue(ErpTarget.DYNAMICS_365), Duration.ofSeconds(2)));
                assertThat(packages).extracting(TestBroker.Received::messageId)
                        .containsExactlyInAnyOrderElementsOf(expected.stream().map(p -> p.id().value()).toList());
                for (BillingPackage reference : expected) {
                    TestBroker.Received received = packages.stream()
                            .filter(p -> p.messageId().equals(reference.id().value())).findFirst().orElseThrow();
                    assertThat(received.body()).contains(reference.totals().amountDue().amount().toPlainString());
                }
                assertThat(broker.drain(topology.deadLetterQueue(), Duration.ofMillis(300))).as("nothing parked")
                        .isEmpty();
            }
            assertThat(Sql.count(database, "select count(*) from processed_message where outcome = 'DUPLICATE_CONTENT'"))
                    .as("the repeated closes").isEqualTo(4);
            assertThat(Sql.count(database, "select count(*) from billing_package")).isEqualTo(2);
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }

    private static void publishInParallel(Topology topology, List<Msg> messages, int publishers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int slice = p;
            done.add(pool.submit(() -> {
                try (TestBroker broker = new TestBroker()) {
                    start.await();
                    for (int i = slice; i < messages.size(); i += publishers) {
                        broker.publish(topology, messages.get(i));
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
    }
}
