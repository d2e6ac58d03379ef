package io.billwright.messaging.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.contract.ErpTarget;
import io.billwright.events.testing.TestMessages;
import io.billwright.messaging.processing.OutboundMessages;
import io.billwright.messaging.support.InMemoryReference;
import io.billwright.messaging.support.PrivateRabbit;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chaos suite at CI size: a generated quarter published in one burst (a backlog of thousands), two
 * service instances (one in a process of its own), that process killed with SIGKILL and restarted, then
 * the broker node restarted, all while the backlog drains. The ERP queues must then hold exactly the
 * packages the what-if simulator bills for the same file: none missing, none unexpected, none with other
 * content, no duplicate with other bytes. {@code bench/chaos.sh} runs the same check at full size, with
 * more faults.
 */
class ChaosIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void aKillAndABrokerRestartAtABacklogBillExactlyWhatTheSimulatorBills() throws Exception {
        Path quarter = work.resolve("quarter.jsonl");
        new DatasetGenerator(GeneratorOptions.of(13, Integer.getInteger("chaos.people", 50), 2,
                YearMonth.of(2026, 7))).writeTo(quarter);
        List<TestMessages.Msg> messages = messages(quarter);
        SimulatorReference reference = SimulatorReference.of(quarter, InMemoryReference.ruleSet());
        assertThat(reference.packages()).as("the quarter bills something").hasSizeGreaterThan(20);

        Topology topology = new Topology(TestInfrastructure.newNamespace());
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        try (PrivateRabbit rabbit = PrivateRabbit.start(work.resolve("rabbit"))) {
            Map<String, Object> settings = settings(topology, database, rabbit.port());
            try (ServiceHarness inProcess = ServiceHarness.start(topology, database, settings)) {
                ServiceProcess other = startOther(settings, 1);
                try {
                    Sql.awaitCount(database, "select count(*) from service_instance", n -> n == 2,
                            Duration.ofSeconds(90));
                    try (TestBroker publisher = new TestBroker(rabbit.port())) {
                        publisher.publishAll(topology, messages);
                    }
                    long total = reference.messages();

                    System.out.println("[chaos] killing the other instance at " + awaitProcessed(database, total / 4)
                            + " of " + total + " messages processed");
                    other.kill();
                    other = startOther(settings, 2);

                    System.out.println("[chaos] restarting the broker at " + awaitProcessed(database, total * 3 / 5)
                            + " of " + total + " messages processed");
                    rabbit.stop();
                    rabbit.startAgain();

                    assertThat(awaitProcessed(database, total)).as("every message processed once").isEqualTo(total);
                    assertThat(Sql.awaitCount(database, "select count(*) from outbox where sent_at is null",
                            n -> n == 0, Duration.ofSeconds(120))).as("every outbound message confirmed").isZero();
                } finally {
                    other.close();
                }
                TestBroker broker = new TestBroker(rabbit.port());
                List<TestBroker.Received> delivered = new ArrayList<>();
                for (ErpTarget target : ErpTarget.values()) {
                    delivered.addAll(broker.drain(topology.erpQueue(target), Duration.ofSeconds(2)));
                }
                PackageComparison comparison = PackageComparison.of(reference, delivered,
                        inProcess.bean(OutboundMessages.class));
                System.out.println("[chaos] kill -9 and a broker restart at a backlog of " + messages.size()
                        + " messages: " + comparison.describe());
                assertThat(comparison.exact()).as(comparison.describe()).isTrue();
                assertThat(broker.drain(topology.deadLetterQueue(), Duration.ofMillis(500))).as("nothing parked")
                        .isEmpty();
                broker.close();
            }
        }
    }

    private ServiceProcess startOther(Map<String, Object> settings, int run) {
        Map<String, Object> own = new HashMap<>(settings);
        own.put("billwright.partitions.instance-id", "other-" + run);
        return ServiceProcess.start(own, work.resolve("other-" + run + ".log"));
    }

    /** Everything both instances are started with: the private broker, the test's schema and namespace. */
    private static Map<String, Object> settings(Topology topology, TestInfrastructure.Database database, int port) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.rabbitmq.host", TestInfrastructure.get().rabbitHost());
        settings.put("spring.rabbitmq.port", port);
        settings.put("spring.rabbitmq.username", TestInfrastructure.get().rabbitUser());
        settings.put("spring.rabbitmq.password", TestInfrastructure.get().rabbitPassword());
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.user());
        settings.put("spring.datasource.password", database.password());
        settings.put("spring.flyway.schemas", database.schema());
        settings.put("billwright.namespace", topology.namespace());
        settings.put("server.port", 0);
        settings.put("billwright.rules.warm-ups", 0);
        settings.put("billwright.relay.poll-interval", "100ms");
        settings.put("billwright.partitions.heartbeat", "500ms");
        settings.put("billwright.partitions.expiry", "3s");
        return settings;
    }

    private static long awaitProcessed(TestInfrastructure.Database database, long atLeast) {
        return Sql.awaitCount(database, "select count(*) from processed_message", n -> n >= atLeast,
                Duration.ofSeconds(240));
    }

    private static List<TestMessages.Msg> messages(Path file) throws Exception {
        List<TestMessages.Msg> messages = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode event = JSON.readTree(line);
                messages.add(new TestMessages.Msg(event.get("type").asString().substring("io.billwright.".length()),
                        event.get("id").asString(), line));
            }
        }
        return messages;
    }
}
