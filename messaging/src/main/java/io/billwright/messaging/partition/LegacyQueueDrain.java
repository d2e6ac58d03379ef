package io.billwright.messaging.partition;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.billwright.events.PartitionKey;
import io.billwright.messaging.topology.Topology;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves what is left in the per-type inbound queues of releases before partitioning into the partitions.
 * For each such queue that exists: unbind it (nothing new arrives there), republish every message to the
 * inbound exchange under its routing key with the {@code partitionkey} header taken from its body (with a
 * publisher confirm, before the ack), then delete the queue once it is empty. A body that has no contract
 * id is republished without the header and parked by the service with its reason, so nothing is lost.
 */
public final class LegacyQueueDrain implements org.springframework.context.SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LegacyQueueDrain.class);

    private final ConnectionFactory connections;
    private final Topology topology;

    public LegacyQueueDrain(ConnectionFactory connections, Topology topology) {
        this.connections = connections;
        this.topology = topology;
    }

    private volatile boolean running;

    /** Drains in the background once the consumers (whose connection declares the topology) have started. */
    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(() -> {
            try {
                drain();
            } catch (RuntimeException e) {
                log.error("{}; the service drains them again at its next start", e.getMessage(), e);
            }
        }, "legacy-queue-drain");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 80;
    }

    /** Drains every legacy queue that exists; answers how many messages it moved. */
    public long drain() {
        long moved = 0;
        try (Connection connection = connections.newConnection("billwright-legacy-drain")) {
            List<String> legacy = topology.legacyInboundQueues();
            List<String> patterns = java.util.Arrays.stream(io.billwright.events.Stream.values())
                    .map(io.billwright.events.Stream::bindingPattern).toList();
            for (int i = 0; i < legacy.size(); i++) {
                if (exists(connection, legacy.get(i))) {
                    moved += drain(connection, legacy.get(i), patterns.get(i));
                }
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("draining the pre-partition inbound queues failed: " + e, e);
        }
        return moved;
    }

    private long drain(Connection connection, String queue, String pattern) throws IOException, TimeoutException {
        long moved = 0;
        try (Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();
            channel.addReturnListener(r -> returned.set(true));
            channel.queueUnbind(queue, topology.inboundExchange(), pattern);
            for (GetResponse got = channel.basicGet(queue, false); got != null; got = channel.basicGet(queue, false)) {
                Map<String, Object> headers = new HashMap<>();
                if (got.getProps().getHeaders() != null) {
                    headers.putAll(got.getProps().getHeaders());
                }
                String key = PartitionKey.of(got.getBody());
                if (key != null) {
                    headers.put(PartitionKey.HEADER, key);
                }
                AMQP.BasicProperties properties = got.getProps().builder().headers(headers).deliveryMode(2).build();
                channel.basicPublish(topology.inboundExchange(), got.getEnvelope().getRoutingKey(), true, properties,
                        got.getBody());
                channel.waitForConfirmsOrDie(30_000);
                if (returned.get()) {
                    // unroutable: leave it where it is (unacked, so it stays in the queue) and stop
                    throw new IOException("the inbound exchange routed a message of " + queue + " nowhere; is the"
                            + " topology declared?");
                }
                channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
                moved++;
            }
            // quorum queues refuse queue.delete with if-empty: check it is empty (unbound, nothing new arrives)
            if (channel.queueDeclarePassive(queue).getMessageCount() > 0) {
                throw new IOException(queue + " is not empty after the drain; it stays for the next start");
            }
            channel.queueDelete(queue);
            log.info("moved {} messages from {} (a queue of the release before partitioning) into the partitions"
                    + " and deleted it", moved, queue);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a confirm", e);
        }
        return moved;
    }

    private static boolean exists(Connection connection, String queue) throws IOException, TimeoutException {
        Channel channel = connection.createChannel();
        try {
            channel.queueDeclarePassive(queue);
            return true;
        } catch (IOException notFound) {
            return false; // the broker closed the channel: 404 NOT_FOUND
        } finally {
            if (channel.isOpen()) {
                channel.close();
            }
        }
    }
}
