package io.billwright.messaging.service;

import io.billwright.events.Stream;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.messaging.topology.Topology;
import java.util.ArrayList;
import java.util.List;
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
 * quorum queues, inbound queues dead-lettering to the dead-letter exchange.
 */
@Configuration(proxyBeanMethods = false)
class TopologyConfiguration {

    @Bean
    Topology topology(BillwrightProperties properties) {
        return new Topology(properties.namespace());
    }

    @Bean
    Declarables billwrightTopology(Topology topology) {
        return new Declarables(declarables(topology));
    }

    /** Everything the service declares; also what the AsyncAPI drift test compares with the document. */
    static List<Declarable> declarables(Topology topology) {
        List<Declarable> all = new ArrayList<>();
        TopicExchange inbound = new TopicExchange(topology.inboundExchange(), true, false);
        FanoutExchange deadLetter = new FanoutExchange(topology.deadLetterExchange(), true, false);
        TopicExchange exceptions = new TopicExchange(topology.exceptionsExchange(), true, false);
        DirectExchange erp = new DirectExchange(topology.erpExchange(), true, false);
        all.addAll(List.of(inbound, deadLetter, exceptions, erp));
        for (Stream stream : Stream.values()) {
            Queue queue = deadLettered(topology.inboundQueue(stream), topology);
            all.add(queue);
            all.add(BindingBuilder.bind(queue).to(inbound).with(stream.bindingPattern()));
        }
        Queue parked = QueueBuilder.durable(topology.deadLetterQueue()).quorum().build();
        all.add(parked);
        all.add(BindingBuilder.bind(parked).to(deadLetter));
        Queue exceptionQueue = deadLettered(topology.exceptionsQueue(), topology);
        all.add(exceptionQueue);
        all.add(BindingBuilder.bind(exceptionQueue).to(exceptions).with("#"));
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
