package io.billwright.messaging.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.messaging.support.InMemoryReference;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.events.testing.TestMessages.Msg;
import io.billwright.messaging.tools.BillwrightTools;
import io.billwright.messaging.topology.Topology;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.simulations.input.EventFiles;
import io.billwright.simulations.input.LoadedEvents;
import io.billwright.simulations.run.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample quarter the README tells newcomers to publish goes through the service, message by
 * message, on the embedded H2 default, and comes out as exactly the packages the engine computes in
 * memory for the same file: same ids, same amounts due, on the contract's ERP queue. The what-if
 * simulator, reading the same file, bills exactly what the service published.
 */
class ExampleMessagesIT {

    private static final Path EXAMPLE = Path.of("../examples/messages/consulting-quarter.jsonl");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path h2Directory;

    /** The simulator's baseline side over the same file: the packaged rule set, contract by contract. */
    private static List<BillingPackage> simulatedPackages(Path file) {
        LoadedEvents events = new EventFiles(false).read(List.of(file), done -> { });
        Side baseline = Side.of(DefaultRuleSet.load());
        return events.byContract().entrySet().stream()
                .flatMap(contract -> baseline.replay(contract.getKey(), contract.getValue()).packages().stream())
                .toList();
    }

    @Test
    void theSampleQuarterBillsWhatTheEngineBillsInMemory() throws Exception {
        List<Msg> messages = Files.readAllLines(EXAMPLE).stream().filter(line -> !line.isBlank()).map(line -> {
            JsonNode event = JSON.readTree(line);
            return new Msg(event.get("type").asString().substring("io.billwright.".length()),
                    event.get("id").asString(), line);
        }).toList();
        List<BillingPackage> expected = InMemoryReference.packages(messages);
        assertThat(expected).as("the sample bills something").isNotEmpty();
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        TestInfrastructure.Database database = TestInfrastructure.newH2(h2Directory);

        try (TestBroker broker = new TestBroker();
             ServiceHarness ignored = ServiceHarness.start(topology, database, Map.of())) {
            // in one burst: the contract's messages, of every type, are applied in the order published
            broker.publishAll(topology, messages);
            assertThat(Sql.awaitCount(database, "select count(*) from processed_message", n -> n == messages.size(),
                    Duration.ofSeconds(30))).isEqualTo(messages.size());
            String queue = topology.erpQueue(ErpTarget.SAP_S4HANA);
            List<TestBroker.Received> packages = broker.await(queue, expected.size(), Duration.ofSeconds(20));
            packages.addAll(broker.drain(queue, Duration.ofSeconds(1)));
            // delivery order is not part of the contract (connectors deduplicate and order by id): compare the
            // set, then each package in the engine's order
            assertThat(packages).extracting(TestBroker.Received::messageId)
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(p -> p.id().value()).toList());
            List<String> order = expected.stream().map(p -> p.id().value()).toList();
            packages.sort(java.util.Comparator.comparingInt(p -> order.indexOf(p.messageId())));
            for (int i = 0; i < expected.size(); i++) {
                JsonNode totals = JSON.readTree(packages.get(i).body()).get("data").get("header").get("totals");
                assertThat(totals.get("amountDue").asString()).as(expected.get(i).id().value())
                        .isEqualTo(expected.get(i).totals().amountDue().amount().toPlainString());
            }
            // the simulator, from the same file and from the service's own event log, bills what it published
            Path export = h2Directory.resolve("export.jsonl");
            assertThat(BillwrightTools.run(new String[] {"export-events", "--url", database.url(), "--user",
                database.user(), "--password", database.password(), "-o", export.toString()})).isZero();
            for (Path source : List.of(EXAMPLE, export)) {
                List<BillingPackage> simulated = simulatedPackages(source);
                assertThat(simulated).as(source.toString()).extracting(p -> p.id().value())
                        .containsExactlyElementsOf(packages.stream().map(TestBroker.Received::messageId).toList());
                for (int i = 0; i < simulated.size(); i++) {
                    JsonNode totals = JSON.readTree(packages.get(i).body()).get("data").get("header").get("totals");
                    assertThat(simulated.get(i).totals().amountDue().amount().toPlainString()).as(source.toString())
                            .isEqualTo(totals.get("amountDue").asString());
                }
            }
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }
}
