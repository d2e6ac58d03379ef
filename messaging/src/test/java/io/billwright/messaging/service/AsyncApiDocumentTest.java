package io.billwright.messaging.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.events.EventType;
import io.billwright.messaging.processing.OutboundMessages;
import io.billwright.messaging.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.ExchangeTypes;
import org.springframework.amqp.core.Queue;

/** {@code docs/asyncapi.yaml} describes exactly the topology the service declares, and every message type. */
class AsyncApiDocumentTest {

    private static JsonNode document;
    private final java.util.List<Declarable> declared = TopologyConfiguration.declarables(Topology.DEFAULT);

    @BeforeAll
    static void read() throws IOException {
        document = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../docs/asyncapi.yaml").toFile());
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(document.path("asyncapi").asText()).startsWith("3.");
    }

    @Test
    void describesEveryExchangeWithItsType() {
        Map<String, String> inCode = new HashMap<>();
        declared.stream().filter(Exchange.class::isInstance).map(Exchange.class::cast)
                .forEach(e -> inCode.put(e.getName(), e.getType()));
        Map<String, String> inDocument = new HashMap<>();
        document.path("channels").forEach(channel -> {
            JsonNode amqp = channel.path("bindings").path("amqp");
            if ("routingKey".equals(amqp.path("is").asText())) {
                inDocument.put(amqp.path("exchange").path("name").asText(), amqp.path("exchange").path("type").asText());
                assertThat(channel.path("address").asText()).isEqualTo(amqp.path("exchange").path("name").asText());
            }
        });
        assertThat(inDocument).isEqualTo(inCode);
    }

    @Test
    void describesEveryQueueAndWhatItIsBoundTo() {
        Set<String> queuesInCode = new HashSet<>();
        Map<String, String> exchangeTypes = new HashMap<>();
        Set<String> bindingsInCode = new HashSet<>();
        for (Declarable declarable : declared) {
            if (declarable instanceof Queue queue) {
                queuesInCode.add(queue.getName());
            } else if (declarable instanceof Exchange exchange) {
                exchangeTypes.put(exchange.getName(), exchange.getType());
            }
        }
        for (Declarable declarable : declared) {
            if (declarable instanceof Binding binding) {
                boolean fanout = ExchangeTypes.FANOUT.equals(exchangeTypes.get(binding.getExchange()));
                bindingsInCode.add(binding.getDestination() + " <- " + binding.getExchange() + " "
                        + (fanout ? "#" : binding.getRoutingKey()));
            }
        }
        Set<String> queuesInDocument = new HashSet<>();
        Set<String> bindingsInDocument = new HashSet<>();
        document.path("channels").forEach(channel -> {
            JsonNode amqp = channel.path("bindings").path("amqp");
            if ("routingKey".equals(amqp.path("is").asText()) && channel.has("x-bound-to")) {
                // an exchange bound to another (the partitions to the inbound exchange)
                JsonNode bound = channel.path("x-bound-to");
                bindingsInDocument.add(amqp.path("exchange").path("name").asText() + " <- "
                        + bound.path("exchange").asText() + " " + bound.path("pattern").asText());
            }
            if ("queue".equals(amqp.path("is").asText())) {
                String name = amqp.path("queue").path("name").asText();
                queuesInDocument.add(name);
                assertThat(channel.path("address").asText()).isEqualTo(name);
                JsonNode bound = channel.path("x-bound-to");
                bindingsInDocument.add(name + " <- " + bound.path("exchange").asText() + " "
                        + bound.path("pattern").asText());
            }
        });
        assertThat(queuesInDocument).isEqualTo(queuesInCode);
        assertThat(bindingsInCode).as("the partitions hang off the inbound exchange")
                .contains("billwright.inbound.partitions <- billwright.inbound #");
        assertThat(bindingsInDocument).isEqualTo(bindingsInCode);
    }

    @Test
    void describesThePartitionQueuesAsTheServiceDeclaresThem() {
        for (Declarable declarable : declared) {
            if (declarable instanceof Queue queue && queue.getName().startsWith("billwright.inbound.partition.")) {
                JsonNode channel = channelOf(queue.getName());
                assertThat(queue.getArguments()).containsEntry("x-single-active-consumer", true)
                        .containsEntry("x-queue-type", "quorum");
                assertThat(channel.path("x-single-active-consumer").asBoolean()).as(queue.getName()).isTrue();
                assertThat(channel.path("x-queue-type").asText()).as(queue.getName()).isEqualTo("quorum");
            }
            if (declarable instanceof Exchange exchange && exchange.getName().endsWith(".partitions")) {
                assertThat(exchange.getArguments()).containsEntry("hash-header",
                        channelOf(exchange.getName()).path("x-hash-header").asText());
            }
        }
    }

    private static JsonNode channelOf(String address) {
        for (JsonNode channel : document.path("channels")) {
            if (address.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        throw new AssertionError("docs/asyncapi.yaml has no channel " + address);
    }

    @Test
    void describesEveryMessageType() {
        Set<String> names = new HashSet<>();
        document.path("components").path("messages").forEach(message -> names.add(message.path("name").asText()));
        Arrays.stream(EventType.values()).forEach(type -> assertThat(names).contains(type.type()));
        Arrays.stream(ErpTarget.values()).forEach(target -> assertThat(names)
                .contains(OutboundMessages.PACKAGE_APPROVED + "." + Topology.routingKey(target),
                        OutboundMessages.CREDIT_NOTE_APPROVED + "." + Topology.routingKey(target)));
        assertThat(names).contains(OutboundMessages.DECISION_HELD, OutboundMessages.DECISION_REJECTED);
    }
}
