package io.billwright.messaging.topology;

import io.billwright.events.Stream;

import io.billwright.engine.contract.ErpTarget;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Every RabbitMQ name the service declares (../shared/DESIGN.md section 4), under one namespace:
 * {@code billwright} in production, a per-run name in integration tests so runs never collide.
 *
 * <p>Declared by {@code TopologyConfiguration} and described by {@code docs/asyncapi.yaml}; a test
 * fails when the two drift apart.
 *
 * @param namespace the prefix of every exchange and queue
 */
public record Topology(String namespace) {

    public static final Topology DEFAULT = new Topology("billwright");

    public Topology {
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.matches("[a-z][a-z0-9.-]*")) {
            throw new IllegalArgumentException("namespace '" + namespace + "': use lower-case letters, digits, '.', '-'");
        }
    }

    /** Topic exchange for every inbound event; the routing key is the event type less {@code io.billwright.}. */
    public String inboundExchange() {
        return namespace + ".inbound";
    }

    public String inboundQueue(Stream stream) {
        return namespace + ".inbound." + stream.queueSuffix();
    }

    public List<String> inboundQueues() {
        return Arrays.stream(Stream.values()).map(this::inboundQueue).toList();
    }

    /** Fanout exchange and its queue for messages that cannot be processed, with headers that say why. */
    public String deadLetterExchange() {
        return namespace + ".dead-letter";
    }

    public String deadLetterQueue() {
        return namespace + ".dead-letter";
    }

    /** Topic exchange and its queue for held and rejected items; routing key {@code held.awaiting_contract}. */
    public String exceptionsExchange() {
        return namespace + ".exceptions";
    }

    public String exceptionsQueue() {
        return namespace + ".exceptions";
    }

    /** Direct exchange for approved packages, routing key per ERP target. */
    public String erpExchange() {
        return namespace + ".erp";
    }

    public String erpQueue(ErpTarget target) {
        return erpExchange() + "." + routingKey(target);
    }

    /** Every queue the service declares. */
    public List<String> allQueues() {
        List<String> queues = new java.util.ArrayList<>(inboundQueues());
        queues.add(deadLetterQueue());
        queues.add(exceptionsQueue());
        Arrays.stream(ErpTarget.values()).map(this::erpQueue).forEach(queues::add);
        return List.copyOf(queues);
    }

    /** Every exchange the service declares. */
    public List<String> allExchanges() {
        return List.of(inboundExchange(), deadLetterExchange(), exceptionsExchange(), erpExchange());
    }

    /** The routing key and queue suffix for an ERP target: {@code netsuite}, {@code sap-s4hana}, {@code dynamics365}. */
    public static String routingKey(ErpTarget target) {
        return switch (target) {
            case NETSUITE -> "netsuite";
            case SAP_S4HANA -> "sap-s4hana";
            case DYNAMICS_365 -> "dynamics365";
        };
    }

    /** The routing key of an exceptions message: status and reason, lower case ({@code held.cap_exceeded}). */
    public static String exceptionKey(String status, String reason) {
        return (status + "." + reason).toLowerCase(Locale.ROOT);
    }
}
