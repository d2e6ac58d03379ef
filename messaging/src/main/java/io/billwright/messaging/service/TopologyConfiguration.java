package io.billwright.messaging.service;

import io.billwright.events.PartitionKey;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.messaging.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.CustomExchange;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the topology at start-up (and again after every reconnection): durable exchanges, durable
 * quorum queues, inbound partition queues (single active consumer) dead-lettering to the dead-letter
 * exchange. The partitions need the broker's {@code rabbitmq_consistent_hash_exchange} plugin (it ships
 * with RabbitMQ; {@code rabbitmq-plugins enable rabbitmq_consistent_hash_exchange}).
 */
@Configuration(proxyBeanMethods = false)
class TopologyConfiguration {

    /** The exchange type of the {@code rabbitmq_consistent_hash_exchange} plugin. */
    static final String CONSISTENT_HASH = "x-consistent-hash";

    @Bean
    Topology topology(BillwrightProperties properties) {
        return new Topology(properties.namespace(), properties.partitions().count());
    }

    @Bean
    Declarables billwrightTopology(Topology topology) {
        return new Declarables(declarables(topology));
    }

    /** Everything the service declares; also what the AsyncAPI drift test compares with the document. */
    static List<Declarable> declarables(Topology topology) {
        List<Declarable> all = new ArrayList<>();
        TopicExchange inbound = new TopicExchange(topology.inboundExchange(), true, false);
        CustomExchange partitions = new CustomExchange(topology.partitionExchange(), CONSISTENT_HASH, true, false,
                Map.of("hash-header", PartitionKey.HEADER));
        FanoutExchange deadLetter = new FanoutExchange(topology.deadLetterExchange(), true, false);
        TopicExchange exceptions = new TopicExchange(topology.exceptionsExchange(), true, false);
        DirectExchange erp = new DirectExchange(topology.erpExchange(), true, false);
        TopicExchange acknowledgements = new TopicExchange(topology.acknowledgementsExchange(), true, false);
        all.addAll(List.of(inbound, partitions, deadLetter, exceptions, erp, acknowledgements));
        // every inbound type, and an unknown one too (parked with its reason rather than dropped unrouted)
        all.add(BindingBuilder.bind(partitions).to(inbound).with("#"));
        for (int index = 0; index < topology.partitions(); index++) {
            Queue queue = QueueBuilder.durable(topology.partitionQueue(index)).quorum().singleActiveConsumer()
                    .deadLetterExchange(topology.deadLetterExchange())
                    .withArgument("x-dead-letter-strategy", "at-least-once")
                    .overflow(QueueBuilder.Overflow.rejectPublish)
                    .build();
            all.add(queue);
            // the binding key of a consistent-hash exchange is the queue's weight: equal for every partition
            all.add(new Binding(queue.getName(), Binding.DestinationType.QUEUE, topology.partitionExchange(), "1",
                    null));
        }
        Queue parked = QueueBuilder.durable(topology.deadLetterQueue()).quorum().build();
        all.add(parked);
        all.add(BindingBuilder.bind(parked).to(deadLetter));
        Queue exceptionQueue = deadLettered(topology.exceptionsQueue(), topology);
        all.add(exceptionQueue);
        all.add(BindingBuilder.bind(exceptionQueue).to(exceptions).with("#"));
        Queue acknowledgementQueue = deadLettered(topology.acknowledgementsQueue(), topology);
        all.add(acknowledgementQueue);
        all.add(BindingBuilder.bind(acknowledgementQueue).to(acknowledgements).with("#"));
        for (ErpTarget target : ErpTarget.values()) {
            Queue queue = deadLettered(topology.erpQueue(target), topology);
            all.add(queue);
            Binding binding = BindingBuilder.bind(queue).to(erp).with(Topology.routingKey(target));
            all.add(binding);
        }
        return all;
    }

    /**
     * A quorum queue whose rejected or over-delivered messages go to the dead-letter exchange, at least
     * once: the broker keeps a message until the dead-letter queue has confirmed it (which needs
     * {@code reject-publish} overflow). A connector rejecting a package can therefore never drop it.
     */
    private static Queue deadLettered(String name, Topology topology) {
        return QueueBuilder.durable(name).quorum()
                .deadLetterExchange(topology.deadLetterExchange())
                .withArgument("x-dead-letter-strategy", "at-least-once")
                .overflow(QueueBuilder.Overflow.rejectPublish)
                .build();
    }
}
