package io.billwright.messaging.tools;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;
import com.rabbitmq.client.MessageProperties;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling for the load benchmark: a relay that does no work. It consumes from one quorum queue,
 * publishes each message to another with confirms, and acks the original only after the confirm
 * (in batches, as a careful relay would). Messages are persistent and about 1 KB, like the events.
 */
final class NoOpRelay {

    private static final int BATCH = 50;

    private final BrokerOptions broker;

    NoOpRelay(BrokerOptions broker) {
        this.broker = broker;
    }

    /** Relays {@code count} messages and returns messages per second, first publish to last arrival. */
    double measure(int count) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String in = broker.namespace + ".load.relay-in-" + suffix;
        String out = broker.namespace + ".load.relay-out-" + suffix;
        try (Connection connection = broker.connect("billwright-noop-relay")) {
            Channel admin = connection.createChannel();
            Map<String, Object> quorum = Map.of("x-queue-type", "quorum");
            admin.queueDeclare(in, true, false, false, quorum);
            admin.queueDeclare(out, true, false, false, quorum);
            try {
                return run(connection, in, out, count);
            } finally {
                admin.queueDelete(in);
                admin.queueDelete(out);
            }
        }
    }

    private double run(Connection connection, String in, String out, int count) throws Exception {
        Channel consume = connection.createChannel();
        Channel publish = connection.createChannel();
        publish.confirmSelect();
        consume.basicQos(BATCH * 2);
        Object lock = new Object();
        long[] lastTag = {0};
        int[] pending = {0};
        DeliverCallback relay = (tag, delivery) -> {
            synchronized (lock) {
                publish.basicPublish("", out, true, delivery.getProperties(), delivery.getBody());
                lastTag[0] = delivery.getEnvelope().getDeliveryTag();
                if (++pending[0] >= BATCH) {
                    flush(publish, consume, lastTag[0]);
                    pending[0] = 0;
                }
            }
        };
        consume.basicConsume(in, false, relay, tag -> { });
        Thread flusher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(5);
                    synchronized (lock) {
                        if (pending[0] > 0) {
                            flush(publish, consume, lastTag[0]);
                            pending[0] = 0;
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, "noop-relay-flush");
        flusher.start();

        Channel sink = connection.createChannel();
        CountDownLatch arrived = new CountDownLatch(count);
        AtomicLong last = new AtomicLong();
        sink.basicQos(500);
        sink.basicConsume(out, false, (tag, delivery) -> {
            sink.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            last.set(System.nanoTime());
            arrived.countDown();
        }, tag -> { });

        Channel producer = connection.createChannel();
        producer.confirmSelect();
        byte[] body = new byte[1024];
        AMQP.BasicProperties persistent = MessageProperties.PERSISTENT_BASIC;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            producer.basicPublish("", in, true, persistent, body);
            if (i % 200 == 199) {
                producer.waitForConfirmsOrDie(30_000);
            }
        }
        producer.waitForConfirmsOrDie(30_000);
        boolean all = arrived.await(300, TimeUnit.SECONDS);
        flusher.interrupt();
        if (!all) {
            throw new IllegalStateException("the no-op relay did not deliver every message within 300 s");
        }
        return count / ((last.get() - start) / 1e9);
    }

    private static void flush(Channel publish, Channel consume, long lastTag) throws java.io.IOException {
        try {
            publish.waitForConfirmsOrDie(30_000);
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new java.io.IOException("no confirm", e);
        }
        consume.basicAck(lastTag, true);
    }
}
