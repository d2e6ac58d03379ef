package io.billwright.messaging.support;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.events.testing.TestMessages;
import io.billwright.events.testing.TestMessages.Msg;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Contracts with one approved entry each, set up first, then their January closes streamed in while the
 * rule set changes: half before the change is answered, half after. {@link #expected} are the package ids
 * the simulator's reference makes of the same messages.
 *
 * @param setup  the contracts and entries, published before the stream
 * @param closes one period close per contract
 */
public record CloseStream(List<Msg> setup, List<Msg> closes, Set<String> expected) {

    public static CloseStream of(String prefix, int contracts, String namespace) {
        List<Msg> setup = new ArrayList<>();
        List<Msg> closes = new ArrayList<>();
        List<Msg> inOrder = new ArrayList<>();
        ErpTarget[] targets = ErpTarget.values();
        for (int i = 0; i < contracts; i++) {
            String contract = prefix + i + "-" + namespace;
            List<Msg> mine = List.of(TestMessages.contract(contract, targets[i % targets.length].name()),
                    TestMessages.timeEntry(contract, "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED"));
            Msg close = TestMessages.periodClosed(contract, "2026-01", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
            setup.addAll(mine);
            closes.add(close);
            inOrder.addAll(mine);
            inOrder.add(close);
        }
        Set<String> expected = InMemoryReference.packages(inOrder).stream().map(BillingPackage::id)
                .map(id -> id.value()).collect(Collectors.toSet());
        return new CloseStream(setup, closes, expected);
    }

    /**
     * Publishes the closes 8 ms apart on a thread of its own: the first half at once, the second half once
     * {@code changed} is counted down. Join the thread it answers.
     */
    public Thread stream(TestBroker broker, io.billwright.messaging.topology.Topology topology,
                         CountDownLatch changed) {
        Thread thread = new Thread(() -> {
            for (int i = 0; i < closes.size(); i++) {
                if (i == closes.size() / 2) {
                    await(changed);
                }
                broker.publish(topology, closes.get(i));
                pause(8);
            }
        });
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
