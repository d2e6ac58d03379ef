package io.billwright.messaging.tools;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DeliverCallback;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.messaging.topology.Topology;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A private, exclusive queue bound to the ERP and exceptions exchanges: it receives a copy of every
 * package and exception without taking anything from the queues the ERP connectors read.
 */
final class OutboundTap {

    private OutboundTap() {
    }

    /** What arrived: the exchange it came from, its routing key and body, and when it arrived (nanoTime). */
    record Copy(String exchange, String routingKey, String messageId, String body, long arrivedNanos) {
    }

    static void open(Channel channel, Topology topology, Consumer<Copy> sink) throws IOException {
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        for (ErpTarget target : ErpTarget.values()) {
            channel.queueBind(queue, topology.erpExchange(), Topology.routingKey(target));
        }
        channel.queueBind(queue, topology.exceptionsExchange(), "#");
        DeliverCallback deliver = (tag, delivery) -> sink.accept(new Copy(delivery.getEnvelope().getExchange(),
                delivery.getEnvelope().getRoutingKey(), delivery.getProperties().getMessageId(),
                new String(delivery.getBody(), java.nio.charset.StandardCharsets.UTF_8), System.nanoTime()));
        channel.basicConsume(queue, true, deliver, tag -> { });
    }
}
