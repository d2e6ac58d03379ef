package io.billwright.messaging.chaos;

import io.billwright.engine.contract.ErpTarget;
import io.billwright.events.PartitionKey;
import io.billwright.events.testing.TestMessages;
import io.billwright.messaging.processing.OutboundMessages;
import io.billwright.messaging.support.InMemoryReference;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.ServiceProcess;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.topology.Topology;
import io.billwright.simulations.generate.DatasetGenerator;
import io.billwright.simulations.generate.GeneratorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One chaos run: a generated quarter, the simulator's packages for it, a fresh namespace and database, an
 * in-process service instance (whose outbound mapping builds the expected messages) and any number of
 * service instances in processes of their own, which a fault can kill. {@link #compare} drains the ERP
 * queues and compares them with the simulator's packages.
 */
final class ChaosRun implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path work;
    private final Topology topology = new Topology(TestInfrastructure.newNamespace());
    private final TestInfrastructure.Database database;
    private final String addresses;
    private final List<TestMessages.Msg> messages;
    private final SimulatorReference reference;
    private final Map<String, Object> settings;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private ServiceHarness inProcess;
    private int started;

    /**
     * @param people    the generated firm's size (about 110 events a person over two months)
     * @param addresses the broker's {@code host:port} list
     * @param database  the database every instance shares
     */
    ChaosRun(Path work, long seed, int people, String addresses, TestInfrastructure.Database database)
            throws Exception {
        this.work = work;
        this.database = database;
        this.addresses = addresses;
        Path quarter = work.resolve("quarter.jsonl");
        new DatasetGenerator(GeneratorOptions.of(seed, people, 2, YearMonth.of(2026, 7))).writeTo(quarter);
        this.messages = messages(quarter);
        this.reference = SimulatorReference.of(quarter, InMemoryReference.ruleSet());
        this.settings = settings();
    }

    /** Starts the in-process instance and {@code others} instances in processes of their own. */
    void startInstances(int others) {
        inProcess = ServiceHarness.start(topology, database, settings);
        for (int i = 0; i < others; i++) {
            processes.add(startProcess());
        }
        Sql.awaitCount(database, "select count(*) from service_instance", n -> n == 1 + others, Duration.ofSeconds(120));
    }

    /**
     * Kills the {@code index}th process instance (SIGKILL), starts a new one in its place, and waits until
     * it has joined (so the next kill hits a working instance, not one still starting).
     */
    void killAndRestart(int index) {
        killAndRestartAtOnce(index);
        awaitJoined(index);
    }

    /** Waits until the {@code index}th process instance has joined the live instances. */
    void awaitJoined(int index) {
        String joined = processes.get(index).instanceId();
        Sql.awaitCount(database, "select count(*) from service_instance where instance_id = '" + joined + "'",
                n -> n == 1, Duration.ofSeconds(120));
    }

    /** Kills the {@code index}th process instance (SIGKILL) and starts a new one, without waiting for it. */
    void killAndRestartAtOnce(int index) {
        processes.get(index).kill();
        processes.set(index, startProcess());
    }

    /** Kills the {@code index}th process instance for good. */
    void kill(int index) {
        processes.get(index).kill();
    }

    private ServiceProcess startProcess() {
        started++;
        Map<String, Object> own = new HashMap<>(settings);
        own.put("billwright.partitions.instance-id", "process-" + started);
        return ServiceProcess.start(own, "process-" + started, work.resolve("process-" + started + ".log"));
    }

    /**
     * Publishes every message at {@code perSecond} (0: as fast as confirms allow), keyed by contract, as a
     * careful upstream system does: a chunk whose confirms did not all come (the broker went away) is
     * published again, under the same ids, once the broker is back.
     */
    void publish(int perSecond) throws Exception {
        TestBroker publisher = null;
        long start = System.nanoTime();
        try {
            for (int i = 0; i < messages.size(); ) {
                List<TestMessages.Msg> chunk = messages.subList(i, Math.min(messages.size(), i + 500));
                try {
                    if (publisher == null) {
                        publisher = broker();
                    }
                    publisher.publishAll(topology, chunk);
                } catch (RuntimeException brokerGone) {
                    closeQuietly(publisher);
                    publisher = null;
                    Thread.sleep(1_000);
                    continue;
                }
                i += chunk.size();
                if (perSecond > 0) {
                    long wait = start + (long) (i * 1e9 / perSecond) - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000);
                    }
                }
            }
        } finally {
            closeQuietly(publisher);
        }
    }

    private static void closeQuietly(TestBroker broker) {
        if (broker != null) {
            try {
                broker.close();
            } catch (RuntimeException alreadyClosed) {
                // the broker went away
            }
        }
    }

    /** Waits until at least {@code fraction} of the messages are processed; answers how many are. */
    long awaitProcessed(double fraction, Duration timeout) {
        long wanted = (long) Math.ceil(reference.messages() * fraction);
        return Sql.awaitCount(database, "select count(*) from processed_message", n -> n >= wanted, timeout);
    }

    /** Messages waiting in the partition queues now. */
    long backlog() {
        try (TestBroker broker = broker()) {
            return topology.inboundQueues().stream().mapToLong(broker::depth).sum();
        } catch (RuntimeException brokerAway) {
            return -1;
        }
    }

    long messageCount() {
        return reference.messages();
    }

    /** Waits for every message and every outbound message, then compares the ERP queues with the simulator. */
    PackageComparison finish(Duration timeout) {
        awaitProcessed(1.0, timeout);
        Sql.awaitCount(database, "select count(*) from outbox where sent_at is null", n -> n == 0, timeout);
        List<TestBroker.Received> delivered = new ArrayList<>();
        try (TestBroker broker = broker()) {
            for (ErpTarget target : ErpTarget.values()) {
                delivered.addAll(broker.drain(topology.erpQueue(target), Duration.ofSeconds(2)));
            }
        }
        return PackageComparison.of(reference, delivered, inProcess.bean(OutboundMessages.class));
    }

    /** Messages parked on the dead-letter queue (none are expected). */
    int parked() {
        try (TestBroker broker = broker()) {
            return broker.drain(topology.deadLetterQueue(), Duration.ofMillis(500)).size();
        }
    }

    int messagesPublished() {
        return messages.size();
    }

    private TestBroker broker() {
        String first = addresses.split(",")[0];
        return new TestBroker(Integer.parseInt(first.substring(first.lastIndexOf(':') + 1)));
    }

    private Map<String, Object> settings() {
        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, Object> all = new HashMap<>();
        all.put("spring.rabbitmq.addresses", addresses);
        all.put("spring.rabbitmq.username", infra.rabbitUser());
        all.put("spring.rabbitmq.password", infra.rabbitPassword());
        all.put("spring.datasource.url", database.url());
        all.put("spring.datasource.username", database.user());
        all.put("spring.datasource.password", database.password());
        if (database.schema() != null) {
            all.put("spring.flyway.schemas", database.schema());
        }
        all.put("billwright.namespace", topology.namespace());
        all.put("server.port", 0);
        all.put("billwright.rules.warm-ups", 0);
        all.put("billwright.relay.poll-interval", "100ms");
        all.put("billwright.partitions.heartbeat", "500ms");
        all.put("billwright.partitions.expiry", "3s");
        return all;
    }

    @Override
    public void close() {
        processes.forEach(ServiceProcess::close);
        if (inProcess != null) {
            inProcess.close();
        }
    }

    private static List<TestMessages.Msg> messages(Path file) throws Exception {
        List<TestMessages.Msg> messages = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode event = JSON.readTree(line);
                if (PartitionKey.of(event) == null) {
                    throw new IllegalStateException("a generated message without a contract: " + line);
                }
                messages.add(new TestMessages.Msg(event.get("type").asString().substring("io.billwright.".length()),
                        event.get("id").asString(), line));
            }
        }
        return messages;
    }
}
