package io.billwright.messaging.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * One listener container, with one consumer on a connection of its own, per partition queue. Every
 * instance subscribes to every partition; the broker's single active consumer lets one of them consume
 * each queue, in order, and hands the queue to the next subscriber the moment the active one goes.
 *
 * <p>A partition is given away ({@link #yieldPartition}, and every partition on {@link #stop}) by closing
 * its connection, never by cancelling its consumer. Measured on RabbitMQ 3.10: after a {@code basic.cancel}
 * the broker activates the next consumer at once, while the cancelled one still holds its prefetched
 * messages; those come back only when its channel closes, behind the ones the next consumer has already
 * taken, out of order. A closed connection returns them first. The batch in hand finishes: if its
 * transaction commits but its ack is lost with the connection, the redelivered messages are recognised by
 * their ids and change nothing, as after a crash.
 */
public final class PartitionConsumers implements SmartLifecycle,
        org.springframework.context.ApplicationListener<org.springframework.context.event.ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(PartitionConsumers.class);

    private final List<SimpleMessageListenerContainer> containers;
    private final List<CachingConnectionFactory> connections;
    private final AmqpAdmin admin;
    private final Runnable beforeStop;
    private volatile boolean running;

    /**
     * @param connectionOf a connection factory of its own for each partition
     * @param containerOf  builds the (unstarted) container of one partition queue on its connection factory
     * @param admin        declares the topology before the first consumer subscribes
     * @param beforeStop   tells the listener the service is stopping (a message waiting out a failure goes back)
     */
    public PartitionConsumers(List<String> queues, Supplier<CachingConnectionFactory> connectionOf,
                              java.util.function.BiFunction<String, CachingConnectionFactory,
                                      SimpleMessageListenerContainer> containerOf,
                              AmqpAdmin admin, Runnable beforeStop) {
        this.admin = admin;
        this.beforeStop = beforeStop;
        List<SimpleMessageListenerContainer> built = new ArrayList<>();
        List<CachingConnectionFactory> factories = new ArrayList<>();
        for (String queue : queues) {
            CachingConnectionFactory factory = connectionOf.get();
            factories.add(factory);
            built.add(containerOf.apply(queue, factory));
        }
        this.containers = List.copyOf(built);
        this.connections = List.copyOf(factories);
    }

    public int partitions() {
        return containers.size();
    }

    /**
     * Gives the partition to the next subscriber: closes its connection (the broker returns what this
     * instance held, in order, and activates the next consumer); the container subscribes again after its
     * recovery interval, behind every other instance's consumer.
     */
    public void yieldPartition(int index) {
        if (!running) {
            return;
        }
        log.info("giving partition {} to the instance that owns it", index);
        connections.get(index).resetConnection();
    }

    @Override
    public void start() {
        admin.initialize(); // the partition connections do not declare the topology themselves
        running = true;
        containers.forEach(SimpleMessageListenerContainer::start);
    }

    @Override
    public void stop() {
        running = false;
        beforeStop.run();
        // close the connections first (no cancel: see the class comment), then let each container finish its
        // batch in hand and stop; all partitions at once, each on a thread of its own
        connections.forEach(CachingConnectionFactory::resetConnection);
        List<Thread> stopping = new ArrayList<>();
        for (SimpleMessageListenerContainer container : containers) {
            Thread thread = new Thread(container::stop, "stop-" + container.getListenerId());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        connections.forEach(CachingConnectionFactory::destroy);
    }

    /**
     * The partition connection factories are not beans of their own: they hear that the context closes from
     * here, so that {@code destroy()} also ends their threads.
     */
    @Override
    public void onApplicationEvent(org.springframework.context.event.ContextClosedEvent event) {
        connections.forEach(connection -> {
            // the factory only heeds the close of its own context
            connection.setApplicationContext(event.getApplicationContext());
            connection.onApplicationEvent(event);
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
