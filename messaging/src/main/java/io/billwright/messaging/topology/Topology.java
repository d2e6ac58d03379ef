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
 * @param namespace  the prefix of every exchange and queue
 * @param partitions how many inbound partition queues a contract id is hashed over; every instance and
 *                   every publisher-side tool of one deployment must agree on it
 */
public record Topology(String namespace, int partitions) {

    /** Partition queues when none are configured: enough to spread over a handful of instances. */
    public static final int DEFAULT_PARTITIONS = 8;

    public static final Topology DEFAULT = new Topology("billwright");

    public Topology {
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.matches("[a-z][a-z0-9.-]*")) {
            throw new IllegalArgumentException("namespace '" + namespace + "': use lower-case letters, digits, '.', '-'");
        }
        if (partitions < 1 || partitions > 256) {
            throw new IllegalArgumentException("partitions " + partitions + ": use 1 to 256");
        }
    }

    public Topology(String namespace) {
        this(namespace, DEFAULT_PARTITIONS);
    }

    /**
     * Topic exchange that publishers send every inbound event to; the routing key is the event type less
     * {@code io.billwright.}, and the AMQP header {@code partitionkey} carries the contract id.
     */
    public String inboundExchange() {
        return namespace + ".inbound";
    }

    /**
     * Consistent-hash exchange, bound to the inbound exchange for every routing key: it hashes the
     * {@code partitionkey} header, so all of one contract's messages, of every type, land in one partition
     * queue in the order the broker received them.
     */
    public String partitionExchange() {
        return namespace + ".inbound.partitions";
    }

    /**
     * Partition {@code index} (from 0): a quorum queue with a single active consumer. The index has three
     * digits ({@code partition.007}): the consistent-hash exchange rebuilds its ring after a broker restart
     * from its bindings sorted by queue name, and only names that sort as their indexes do keep every
     * contract in its partition.
     */
    public String partitionQueue(int index) {
        if (index < 0 || index >= partitions) {
            throw new IllegalArgumentException("partition " + index + " of " + partitions);
        }
        return namespace + ".inbound.partition." + String.format(java.util.Locale.ROOT, "%03d", index);
    }

    /** The inbound queues: one per partition. */
    public List<String> inboundQueues() {
        return java.util.stream.IntStream.range(0, partitions).mapToObj(this::partitionQueue).toList();
    }

    /**
     * The per-type queues of releases before partitioning (session 6): drained into the partitions and
     * deleted at start-up when they exist, never declared.
     */
    public List<String> legacyInboundQueues() {
        return Arrays.stream(Stream.values()).map(stream -> namespace + ".inbound." + stream.queueSuffix()).toList();
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

    /**
     * Topic exchange and its queue for what the ERP connectors say about the packages they were sent:
     * {@code io.billwright.erp.posted.v1} and {@code io.billwright.erp.rejected.v1}, routing key the type
     * less {@code io.billwright.} ({@code erp.posted.v1}).
     */
    public String acknowledgementsExchange() {
        return namespace + ".acknowledgements";
    }

    public String acknowledgementsQueue() {
        return namespace + ".acknowledgements";
    }

    /** Every queue the service declares. */
    public List<String> allQueues() {
        List<String> queues = new java.util.ArrayList<>(inboundQueues());
        queues.add(deadLetterQueue());
        queues.add(exceptionsQueue());
        queues.add(acknowledgementsQueue());
        Arrays.stream(ErpTarget.values()).map(this::erpQueue).forEach(queues::add);
        return List.copyOf(queues);
    }

    /** Every exchange the service declares. */
    public List<String> allExchanges() {
        return List.of(inboundExchange(), partitionExchange(), deadLetterExchange(), exceptionsExchange(),
                erpExchange(), acknowledgementsExchange());
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
