package io.billwright.messaging.publish;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;

/**
 * Publishes with the plain RabbitMQ client: {@code mandatory}, with publisher confirms, and with returns
 * matched to their publish by message id, so that nothing is written into a message's headers (Spring's
 * correlated confirms add {@code spring_returned_message_correlation} and
 * {@code spring_listener_return_correlation} to every message, which the ERP contract promises not to).
 *
 * <p>Each publish gets a future that completes with the broker's answer: confirmed, returned (no queue was
 * bound for the routing key), refused (nack) or lost with the channel. The broker sends a message's return
 * before its confirm, on the same channel, so a return is recorded by the time the confirm arrives. Messages
 * without a message id are matched to a return only when they are the only one awaiting a confirm: callers
 * that publish such messages publish one at a time.
 *
 * <p>The connection and channel open on first use and again after either closes (a publish to an exchange
 * that does not exist closes the channel); every publish awaiting a confirm on a closed channel fails.
 */
public final class ConfirmedPublisher implements AutoCloseable {

    /** The broker's answer to one publish: {@code failure} is null when it was confirmed and routed. */
    public record Confirmation(String failure) {

        static final Confirmation CONFIRMED = new Confirmation(null);

        public boolean confirmed() {
            return failure == null;
        }
    }

    private record Pending(String messageId, CompletableFuture<Confirmation> result) {
    }

    private static final String NO_ID = "\u0000no-message-id";

    private final ConnectionFactory factory;
    private final List<Address> addresses;
    private final String connectionName;
    private Connection connection;
    private Link link;

    /**
     * @param factory the broker's settings; copied, with the client's own recovery turned off (a recovered
     *                channel restarts its sequence numbers: this publisher opens a fresh one instead)
     */
    public ConfirmedPublisher(ConnectionFactory factory, String connectionName) {
        this(factory, List.of(), connectionName);
    }

    /**
     * @param addresses the brokers of a cluster, tried in turn when the connection opens; empty for the
     *                  factory's own host and port
     */
    public ConfirmedPublisher(ConnectionFactory factory, List<Address> addresses, String connectionName) {
        this.factory = factory.clone();
        this.factory.setAutomaticRecoveryEnabled(false);
        this.addresses = List.copyOf(addresses);
        this.connectionName = connectionName;
    }

    /** Publishes one persistent message with {@code mandatory}; the future completes with the broker's answer. */
    public synchronized CompletableFuture<Confirmation> publish(String exchange, String routingKey,
                                                               AMQP.BasicProperties properties, byte[] body) {
        CompletableFuture<Confirmation> result = new CompletableFuture<>();
        try {
            link().publish(exchange, routingKey, properties, body, result);
        } catch (IOException | TimeoutException | RuntimeException e) {
            result.complete(new Confirmation("send failed: " + describe(e)));
        }
        return result;
    }

    /**
     * Publishes one message and waits up to {@code timeout} for the broker's answer: confirmed, or why not
     * (refused, returned, no answer in time, interrupted; the interrupt flag is kept). For callers that
     * publish one at a time and act on the answer at once.
     */
    public Confirmation publishAndWait(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body,
                                       java.time.Duration timeout) {
        try {
            return publish(exchange, routingKey, properties, body).get(timeout.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Confirmation("interrupted while waiting for the confirm");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return new Confirmation("no confirm within " + timeout);
        }
    }

    /** Closes the connection; publishes still awaiting a confirm fail. */
    @Override
    public void close() {
        Connection open;
        Link last;
        synchronized (this) { // closing outside the lock: the shutdown listeners run on the connection's thread
            open = connection;
            last = link;
            connection = null;
            link = null;
        }
        if (open != null && open.isOpen()) {
            try {
                open.close(5_000);
            } catch (IOException | RuntimeException e) {
                open.abort();
            }
        }
        if (last != null) {
            last.failAll("the publisher was closed");
        }
    }

    private Link link() throws IOException, TimeoutException {
        if (link != null && link.channel.isOpen()) {
            return link;
        }
        if (connection == null || !connection.isOpen()) {
            connection = addresses.isEmpty() ? factory.newConnection(connectionName)
                    : factory.newConnection(addresses, connectionName);
        }
        link = new Link(connection.createChannel());
        return link;
    }

    /**
     * One channel in confirm mode with the publishes awaiting its confirms (sequence numbers are per channel,
     * so a channel that closes takes only its own publishes with it).
     */
    private final class Link {

        private final Channel channel;
        private final NavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();
        private final Map<String, String> returned = new ConcurrentHashMap<>();

        Link(Channel channel) throws IOException {
            this.channel = channel;
            channel.confirmSelect();
            channel.addReturnListener(message -> returned.put(key(message.getProperties().getMessageId()),
                    "returned by the broker: " + message.getReplyText() + " (no queue bound for routing key '"
                            + message.getRoutingKey() + "' on exchange '" + message.getExchange() + "')"));
            channel.addConfirmListener((tag, multiple) -> settle(tag, multiple, null),
                    (tag, multiple) -> settle(tag, multiple, "not confirmed (nack)"));
            // runs on the connection's thread: the next publish sees the channel closed and opens another
            channel.addShutdownListener(cause -> failAll("the channel closed before the confirm: " + describe(cause)));
        }

        void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body,
                     CompletableFuture<Confirmation> result) throws IOException {
            long sequence = channel.getNextPublishSeqNo();
            pending.put(sequence, new Pending(key(properties.getMessageId()), result));
            try {
                channel.basicPublish(exchange, routingKey, true, properties, body);
            } catch (IOException | RuntimeException e) {
                pending.remove(sequence);
                throw e;
            }
        }

        private void settle(long tag, boolean multiple, String nack) {
            Map<Long, Pending> settled = multiple ? pending.headMap(tag, true) : pending.subMap(tag, true, tag, true);
            for (Pending one : settled.values()) {
                String returnedBecause = returned.remove(one.messageId());
                String failure = nack != null ? nack : returnedBecause;
                one.result().complete(failure == null ? Confirmation.CONFIRMED : new Confirmation(failure));
            }
            settled.clear();
        }

        void failAll(String reason) {
            for (Long sequence : pending.keySet()) {
                Pending one = pending.remove(sequence);
                if (one != null) {
                    one.result().complete(new Confirmation(reason));
                }
            }
            returned.clear();
        }
    }

    private static String key(String messageId) {
        return messageId == null ? NO_ID : messageId;
    }

    private static String describe(Exception e) {
        if (e instanceof ShutdownSignalException shutdown && shutdown.getReason() != null) {
            return shutdown.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
