package io.billwright.messaging.support;

import io.billwright.events.PartitionKey;
import io.billwright.events.testing.TestMessages;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.messaging.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A plain RabbitMQ client for tests: publishes the way an upstream system would (persistent, with
 * confirms) and reads queues the way a connector would. Independent of the service's Spring AMQP.
 */
public final class TestBroker implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;

    public TestBroker() {
        this(TestInfrastructure.get().rabbitPort());
    }

    /** A client of the broker at {@code port} on the test infrastructure's host (a private node of a fault test). */
    public TestBroker(int port) {
        TestInfrastructure infra = TestInfrastructure.get();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(infra.rabbitHost());
        factory.setPort(port);
        factory.setUsername(infra.rabbitUser());
        factory.setPassword(infra.rabbitPassword());
        try {
            connection = factory.newConnection("billwright-test");
            channel = connection.createChannel();
            channel.confirmSelect();
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot connect to RabbitMQ at " + infra.rabbitHost() + ":" + port, e);
        }
    }

    /** A message as a consumer sees it. */
    public record Received(String body, Map<String, Object> headers, String messageId, String correlationId) {
        /** The headers a publisher set: those the broker adds on delivery ({@code x-delivery-count}) left out. */
        public Map<String, Object> publishedHeaders() {
            Map<String, Object> published = new HashMap<>(headers);
            published.keySet().removeIf(name -> name.equals("x-delivery-count") || name.startsWith("x-death")
                    || name.startsWith("x-first-death") || name.startsWith("x-last-death"));
            return published;
        }

        public String header(String name) {
            Object value = headers.get(name);
            return value == null ? null : value.toString();
        }
    }

    public void publish(Topology topology, TestMessages.Msg message) {
        publish(topology.inboundExchange(), message.routingKey(), message.body().getBytes(StandardCharsets.UTF_8),
                message.id());
    }

    /** Publishes every message and then waits for all their confirms: the messages land in a burst. */
    public void publishAll(Topology topology, java.util.List<TestMessages.Msg> messages) {
        try {
            for (TestMessages.Msg message : messages) {
                byte[] body = message.body().getBytes(StandardCharsets.UTF_8);
                channel.basicPublish(topology.inboundExchange(), message.routingKey(), true,
                        MessageProperties.PERSISTENT_BASIC.builder().messageId(message.id())
                                .contentType("application/cloudevents+json").headers(keyed(body)).build(),
                        body);
            }
            channel.waitForConfirmsOrDie(30_000);
        } catch (IOException | InterruptedException | TimeoutException e) {
            throw new IllegalStateException("publish to " + topology.inboundExchange() + " failed", e);
        }
    }

    /** Publishes as a well-behaved upstream system does: the contract id of the body as partition key. */
    public void publish(String exchange, String routingKey, byte[] body, String messageId) {
        publish(exchange, routingKey, body, messageId, keyed(body));
    }

    /** The {@code partitionkey} header a publisher sets for this body, or none when it names no contract. */
    public static Map<String, Object> keyed(byte[] body) {
        String key = PartitionKey.of(body);
        return key == null ? null : Map.of(PartitionKey.HEADER, key);
    }

    /** Publishes with exactly these headers (none when null), confirmed. */
    public void publish(String exchange, String routingKey, byte[] body, String messageId,
                        Map<String, Object> headers) {
        AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC.builder()
                .messageId(messageId).contentType("application/cloudevents+json").headers(headers).build();
        try {
            channel.basicPublish(exchange, routingKey, true, properties, body);
            channel.waitForConfirmsOrDie(10_000);
        } catch (IOException | InterruptedException | TimeoutException e) {
            throw new IllegalStateException("publish to " + exchange + " failed", e);
        }
    }

    /** Waits until {@code count} messages have been read from {@code queue}, or the timeout passes. */
    public List<Received> await(String queue, int count, Duration timeout) {
        List<Received> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Received next = get(queue);
            if (next == null) {
                pause();
            } else {
                received.add(next);
            }
        }
        return received;
    }

    /**
     * Reads every ERP queue of {@code topology} until {@code expected} messages have come or
     * {@code timeout} has passed, then once more until each has been quiet for {@code quiet}: so a
     * message that would arrive twice is seen twice.
     */
    public List<Received> drainErpQueues(Topology topology, int expected, Duration timeout, Duration quiet) {
        List<Received> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < expected && System.nanoTime() < deadline) {
            for (ErpTarget target : ErpTarget.values()) {
                received.addAll(drain(topology.erpQueue(target), Duration.ofMillis(100)));
            }
        }
        for (ErpTarget target : ErpTarget.values()) {
            received.addAll(drain(topology.erpQueue(target), quiet));
        }
        return received;
    }

    /** Reads everything that arrives on {@code queue} until it has been quiet for {@code quiet}. */
    public List<Received> drain(String queue, Duration quiet) {
        List<Received> received = new ArrayList<>();
        long quietUntil = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < quietUntil) {
            Received next = get(queue);
            if (next == null) {
                pause();
            } else {
                received.add(next);
                quietUntil = System.nanoTime() + quiet.toNanos();
            }
        }
        return received;
    }

    public long depth(String queue) {
        try {
            return channel.messageCount(queue);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Received get(String queue) {
        try {
            GetResponse response = channel.basicGet(queue, true);
            if (response == null) {
                return null;
            }
            AMQP.BasicProperties props = response.getProps();
            Map<String, Object> headers = props.getHeaders() == null ? Map.of() : new HashMap<>(props.getHeaders());
            return new Received(new String(response.getBody(), StandardCharsets.UTF_8), headers, props.getMessageId(),
                    props.getCorrelationId());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + queue, e);
        }
    }

    /** Removes a queue (to make a route fail) and puts it back, bound as the service binds it. */
    public void deleteQueue(String queue) {
        try {
            channel.queueDelete(queue);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void declareTopicExchange(String exchange) {
        try {
            channel.exchangeDeclare(exchange, "topic", true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the queue exists (asked on a channel of its own: a missing queue closes the channel asking). */
    public boolean exists(String queue) {
        try (Channel probe = connection.createChannel()) {
            probe.queueDeclarePassive(queue);
            return true;
        } catch (IOException e) {
            return false;
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (com.rabbitmq.client.AlreadyClosedException e) {
            return false;
        }
    }

    /**
     * Declares {@code queue} on a channel of its own, as a connector would: durable, not exclusive, not
     * auto-delete, with {@code arguments}. Null when the broker accepted it, else what it answered.
     */
    public String declareAsAConnector(String queue, Map<String, Object> arguments) {
        try (Channel own = connection.createChannel()) {
            own.queueDeclare(queue, true, false, false, arguments);
            return null;
        } catch (IOException | com.rabbitmq.client.ShutdownSignalException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause.getMessage();
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public void declareQuorumQueue(String queue, String exchange, String routingKey) {
        try {
            channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
            channel.queueBind(queue, exchange, routingKey);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes every queue and exchange of a test's namespace. */
    public void deleteNamespace(Topology topology) {
        for (String queue : topology.allQueues()) {
            try {
                channel.queueDelete(queue);
            } catch (IOException ignored) {
                // already gone
            }
        }
        for (String exchange : topology.allExchanges()) {
            try {
                channel.exchangeDelete(exchange);
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // the broker went away first: nothing to release
        }
    }
}
