package io.billwright.messaging.guarantees;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.events.testing.TestMessages;
import io.billwright.events.testing.TestMessages.Msg;
import io.billwright.messaging.partition.PartitionActivity;
import io.billwright.messaging.partition.PartitionBalancer;
import io.billwright.messaging.support.InMemoryReference;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.topology.Topology;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one database and one broker share the partitions (each is the active
 * consumer of half of them), and one contract's messages, of every type and interleaved with other
 * contracts', are applied in the order they were published, whichever instance takes them. One instance
 * stops and starts again while the stream flows: the other takes its partitions at once and gives them
 * back after, and the packages are exactly those the engine computes in memory for the same messages.
 */
class TwoInstancesIT {

    private static final int CONTRACTS = 24;

    @Test
    void twoInstancesShareThePartitionsAndBillExactlyTheExpectedPackages() throws Exception {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        List<List<Msg>> perContract = new ArrayList<>();
        for (int c = 0; c < CONTRACTS; c++) {
            perContract.add(contractStream(TestMessages.uniqueContractId(), ErpTarget.values()[c % 3]));
        }
        List<Msg> firstHalf = interleave(perContract, 0, 2);
        List<Msg> secondHalf = interleave(perContract, 2, 4);
        List<Msg> all = new ArrayList<>(firstHalf);
        all.addAll(secondHalf);
        List<BillingPackage> expected = InMemoryReference.packages(all);
        assertThat(expected).hasSize(CONTRACTS * 3);

        Map<String, Object> fast = Map.of("billwright.partitions.heartbeat", "300ms",
                "billwright.partitions.expiry", "3s");
        try (TestBroker broker = new TestBroker();
             ServiceHarness first = ServiceHarness.start(topology, database, with(fast, "first"))) {
            ServiceHarness second = ServiceHarness.start(topology, database, with(fast, "second"));
            try {
                awaitBalanced(first, second);
                broker.publishAll(topology, firstHalf);
                Sql.awaitCount(database, "select count(*) from processed_message", n -> n >= firstHalf.size() / 3,
                        Duration.ofSeconds(60));
                // the second instance stops mid-stream: the first takes its partitions over
                second.close();
                broker.publishAll(topology, secondHalf.subList(0, secondHalf.size() / 2));
                second = ServiceHarness.start(topology, database, with(fast, "second"));
                awaitBalanced(first, second);
                // the rest trickles in: the first instance gives the second's partitions back as it sees them flow
                List<Msg> rest = secondHalf.subList(secondHalf.size() / 2, secondHalf.size());
                for (int from = 0; from < rest.size(); from += 10) {
                    broker.publishAll(topology, rest.subList(from, Math.min(rest.size(), from + 10)));
                    Thread.sleep(150);
                }
                assertThat(Sql.awaitCount(database, "select count(*) from processed_message",
                        n -> n == all.size(), Duration.ofSeconds(90))).isEqualTo(all.size());
                assertThat(consumed(second, topology)).as("the restarted instance consumes again").isPositive();
            } finally {
                second.close();
            }
            List<TestBroker.Received> packages = broker.drainErpQueues(topology, expected.size(),
                    Duration.ofSeconds(60), Duration.ofSeconds(1));
            assertThat(packages).extracting(TestBroker.Received::messageId)
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(p -> p.id().value()).toList());
            for (BillingPackage reference : expected) {
                TestBroker.Received received = packages.stream()
                        .filter(p -> p.messageId().equals(reference.id().value())).findFirst().orElseThrow();
                assertThat(received.body()).as(reference.id().value())
                        .contains("\"" + reference.totals().amountDue().amount().toPlainString() + "\"");
                boolean late = reference.lines().stream().anyMatch(line -> line.priorPeriod());
                assertThat(received.body().contains("\"priorPeriodItems\":[\"JAN-LATE\"]"))
                        .as("%s names the late January entry as prior-period", reference.id().value()).isEqualTo(late);
            }
            assertThat(expected.stream().filter(p -> p.lines().stream().anyMatch(line -> line.priorPeriod())))
                    .as("March's packages carry the late entry").hasSize(CONTRACTS);
            assertThat(broker.drain(topology.deadLetterQueue(), Duration.ofMillis(300))).as("nothing parked").isEmpty();
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }

    /** Both instances see each other and own disjoint halves of the partitions. */
    private static void awaitBalanced(ServiceHarness first, ServiceHarness second) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Set<Integer> a = Set.of();
        Set<Integer> b = Set.of();
        while (System.nanoTime() < deadline) {
            a = first.bean(PartitionBalancer.class).owned();
            b = second.bean(PartitionBalancer.class).owned();
            if (a.size() == 4 && b.size() == 4) {
                break;
            }
            Thread.sleep(100);
        }
        Set<Integer> union = new TreeSet<>(a);
        union.addAll(b);
        assertThat(a).as("first owns half").hasSize(4);
        assertThat(b).as("second owns the other half").hasSize(4).doesNotContainAnyElementsOf(a);
        assertThat(union).hasSize(8);
    }

    private static long consumed(ServiceHarness service, Topology topology) {
        PartitionActivity activity = service.bean(PartitionActivity.class);
        return topology.inboundQueues().stream().mapToLong(activity::count).sum();
    }

    private static Map<String, Object> with(Map<String, Object> settings, String instance) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("billwright.partitions.instance-id", instance);
        return all;
    }

    /**
     * A contract's messages in four quarters: its version and January's hours, January's close and
     * February's hours, February's close, then a late January entry, March's hours and March's close (the
     * late entry goes on March's package).
     */
    private static List<Msg> contractStream(String contract, ErpTarget target) {
        List<Msg> stream = new ArrayList<>();
        stream.add(TestMessages.contract(contract, target.name()));
        for (int day = 5; day <= 9; day++) {
            stream.add(TestMessages.timeEntry(contract, "JAN-" + day, LocalDate.of(2026, 1, day), "8", "APPROVED"));
        }
        stream.add(TestMessages.periodClosed(contract, "2026-01", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        for (int day = 2; day <= 6; day++) {
            stream.add(TestMessages.timeEntry(contract, "FEB-" + day, LocalDate.of(2026, 2, day), "7.5", "APPROVED"));
        }
        stream.add(TestMessages.periodClosed(contract, "2026-02", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        stream.add(TestMessages.timeEntry(contract, "JAN-LATE", LocalDate.of(2026, 1, 30), "4", "APPROVED"));
        stream.add(TestMessages.timeEntry(contract, "MAR-2", LocalDate.of(2026, 3, 2), "6", "APPROVED"));
        stream.add(TestMessages.periodClosed(contract, "2026-03", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
        return stream;
    }

    /** Messages {@code from} (inclusive) to {@code to} (exclusive) quarters of every contract, round robin. */
    private static List<Msg> interleave(List<List<Msg>> perContract, int from, int to) {
        List<Msg> out = new ArrayList<>();
        for (int quarter = from; quarter < to; quarter++) {
            List<List<Msg>> slices = new ArrayList<>();
            for (List<Msg> stream : perContract) {
                int size = stream.size();
                slices.add(stream.subList(size * quarter / 4, size * (quarter + 1) / 4));
            }
            for (int i = 0; ; i++) {
                boolean any = false;
                for (List<Msg> slice : slices) {
                    if (i < slice.size()) {
                        out.add(slice.get(i));
                        any = true;
                    }
                }
                if (!any) {
                    break;
                }
            }
        }
        return out;
    }
}
