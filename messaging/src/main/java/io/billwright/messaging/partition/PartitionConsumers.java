package io.billwright.messaging.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * One listener container, with one consumer, per partition queue. Every instance subscribes to every
 * partition; the broker's single active consumer lets one of them consume each queue, in order, and hands
 * the queue to the next subscriber the moment the active one goes (a stop, a crash, a lost connection).
 * {@link #yieldPartition} gives a partition away: its consumer finishes the batch in hand, returns what it
 * had prefetched, and subscribes again, now behind every other instance's.
 */
public final class PartitionConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PartitionConsumers.class);

    private static final long YIELD_PAUSE_MILLIS = 1_000;

    private final List<SimpleMessageListenerContainer> containers;
    private final Runnable beforeStop;
    private volatile boolean running;

    /**
     * @param containerOf builds the (unstarted) container of one partition queue
     * @param beforeStop  tells the listener the service is stopping (a message waiting out a failure goes back)
     */
    public PartitionConsumers(List<String> queues, Function<String, SimpleMessageListenerContainer> containerOf,
                              Runnable beforeStop) {
        this.beforeStop = beforeStop;
        List<SimpleMessageListenerContainer> built = new ArrayList<>();
        for (String queue : queues) {
            built.add(containerOf.apply(queue));
        }
        this.containers = List.copyOf(built);
    }

    public int partitions() {
        return containers.size();
    }

    /** Stops the partition's consumer and subscribes it again, behind the other instances' consumers. */
    public void yieldPartition(int index) {
        SimpleMessageListenerContainer container = containers.get(index);
        synchronized (container) {
            if (!running) {
                return;
            }
            log.info("giving partition {} to the instance that owns it", index);
            container.stop();
            // subscribing again at once can find the broker still settling the cancelled consumer's messages,
            // and make this instance active again; a pause lets the waiting consumer take over first
            pause(YIELD_PAUSE_MILLIS);
            if (running) {
                container.start();
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The container of one partition, for tests and metrics. */
    public SimpleMessageListenerContainer container(int index) {
        return containers.get(index);
    }

    @Override
    public void start() {
        running = true;
        containers.forEach(SimpleMessageListenerContainer::start);
    }

    @Override
    public void stop() {
        running = false;
        beforeStop.run();
        // stop them together: each finishes its batch in hand, and returns its prefetched messages
        containers.parallelStream().forEach(container -> {
            synchronized (container) {
                container.stop();
            }
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started after the rest of the service, stopped before it (the relay still publishes what they wrote). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
