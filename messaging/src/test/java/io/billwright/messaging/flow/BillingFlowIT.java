package io.billwright.messaging.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.messaging.support.InMemoryReference;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.support.TestInfrastructure.Database;
import io.billwright.events.testing.TestMessages;
import io.billwright.events.testing.TestMessages.Msg;
import io.billwright.messaging.topology.Topology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path on PostgreSQL and on H2: a time entry before its contract is held and then decided, a
 * period close yields exactly the package the engine computes in memory, on the contract's ERP queue,
 * and duplicates (same message id; same item under a new id) change nothing.
 */
class BillingFlowIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path h2Directory;

    static Stream<Database> databases() {
        return Stream.of(TestInfrastructure.get().newPostgresSchema(), TestInfrastructure.newH2(h2Directory));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void billsAPeriodExactlyOnceWhateverArrivesTwice(Database database) throws Exception {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        String contract = TestMessages.uniqueContractId();
        LocalDate day = LocalDate.of(2026, 1, 5);
        Msg early = TestMessages.timeEntry(contract, "TE-1", day, "8", "APPROVED");
        Msg contractMsg = TestMessages.contract(contract, "NETSUITE");
        Msg second = TestMessages.timeEntry(contract, "TE-2", day.plusDays(1), "7.5", "APPROVED");
        Msg secondAgainNewId = TestMessages.timeEntry("resend-" + contract, contract, "TE-2", day.plusDays(1), "7.5",
                "APPROVED");
        Msg close = TestMessages.periodClosed(contract, "2026-01", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        List<BillingPackage> expected = InMemoryReference.packages(List.of(early, contractMsg, second, close));
        assertThat(expected).hasSize(1);

        try (TestBroker broker = new TestBroker();
             ServiceHarness service = ServiceHarness.start(topology, database,
                     Map.of("billwright.admin.username", "ops", "billwright.admin.password", "flow-test-secret"))) {
            broker.publish(topology, early);
            List<TestBroker.Received> held = broker.await(topology.exceptionsQueue(), 1, Duration.ofSeconds(20));
            assertThat(held).singleElement().satisfies(notice -> {
                JsonNode data = JSON.readTree(notice.body()).get("data");
                assertThat(data.get("itemId").asString()).isEqualTo("TE-1");
                assertThat(data.get("status").asString()).isEqualTo("HELD");
                assertThat(data.get("reason").asString()).isEqualTo("AWAITING_CONTRACT");
                assertThat(notice.correlationId()).isEqualTo("corr-" + early.id());
                assertThat(notice.publishedHeaders()).as("Billwright sets no application headers").isEmpty();
                // the receipt for people: each rule with what it does
                assertThat(data.get("rules").size()).isPositive().isEqualTo(data.get("ruleDescriptions").size());
                assertThat(data.get("ruleDescriptions").get(0).asString()).isNotBlank();
            });

            broker.publish(topology, contractMsg);
            broker.publish(topology, second);
            broker.publish(topology, second);           // redelivered: same message id
            broker.publish(topology, secondAgainNewId); // same item, same content, new message id
            assertThat(io.billwright.messaging.support.Sql.awaitCount(database,
                    "select count(*) from processed_message", n -> n == 4, Duration.ofSeconds(20))).isEqualTo(4);
            broker.publish(topology, close);
            broker.publish(topology, close);

            List<TestBroker.Received> packages = broker.await(topology.erpQueue(ErpTarget.NETSUITE), 1,
                    Duration.ofSeconds(30));
            assertThat(packages).hasSize(1);
            TestBroker.Received pkg = packages.get(0);
            JsonNode envelope = JSON.readTree(pkg.body());
            BillingPackage reference = expected.get(0);
            assertThat(pkg.messageId()).isEqualTo(reference.id().value());
            assertThat(pkg.publishedHeaders()).as("the contract: no application headers, Spring's included").isEmpty();
            assertThat(envelope.get("id").asString()).isEqualTo(reference.id().value());
            assertThat(envelope.get("type").asString()).isEqualTo("io.billwright.package.approved.v1");
            assertThat(envelope.get("correlationid").asString()).isEqualTo("corr-" + close.id());
            assertThat(envelope.get("rulesetversion").asString()).isEqualTo(reference.ruleSetVersion());
            assertThat(envelope.toString()).contains(reference.totals().amountDue().amount().toPlainString());
            assertThat(io.billwright.messaging.support.OutboundSchemaCheck.violations("netsuite-invoice",
                    envelope.get("data"))).as("the package matches its published schema").isEmpty();

            assertThat(broker.drain(topology.erpQueue(ErpTarget.NETSUITE), Duration.ofSeconds(2)))
                    .as("no second package").isEmpty();
            assertThat(broker.drain(topology.deadLetterQueue(), Duration.ofMillis(200))).isEmpty();

            try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
                assertThat(count(sql, "select count(*) from event_log")).as("applied events").isEqualTo(4);
                assertThat(count(sql, "select count(*) from processed_message where outcome = 'DUPLICATE_CONTENT'"))
                        .isEqualTo(1);
                assertThat(count(sql, "select count(*) from billing_package")).isEqualTo(1);
                assertThat(count(sql, "select count(*) from outbox where sent_at is null")).isZero();
                assertThat(count(sql, "select count(*) from decision_log where item_id = 'TE-1'"))
                        .as("held, then decided when the contract arrived").isEqualTo(2);
            }

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + service.httpPort() + "/actuator/";
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).as("anyone sees the status, no details").contains("\"UP\"")
                    .doesNotContain("\"rabbit\"").doesNotContain("\"db\"").doesNotContain("diskSpace");
            String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    "ops:flow-test-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> detailed = http.send(HttpRequest.newBuilder(URI.create(base + "health"))
                    .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(detailed.body()).as("the admin sees the details").contains("\"rabbit\"").contains("\"db\"");
            JsonNode info = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "info")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(info.path("ruleSet").path("version").asString()).isEqualTo(reference.ruleSetVersion());
            assertThat(info.path("build").path("version").asString()).isNotBlank();
            String prometheus = http.send(HttpRequest.newBuilder(URI.create(base + "prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(prometheus).contains("billwright_messages_consumed_total")
                    .contains("billwright_decisions_total").contains("billwright_packages_published_total")
                    .contains("erp=\"netsuite\"").contains("billwright_processing_latency_seconds");
            JsonNode meters = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("names");
            String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
            List<String> ours = new java.util.ArrayList<>();
            meters.forEach(name -> {
                if (name.asString().startsWith("billwright.")) {
                    ours.add(name.asString());
                }
            });
            assertThat(ours).as("the service's meters").contains("billwright.outbox.pending",
                    "billwright.outbox.oldest.age").allSatisfy(name -> assertThat(readme)
                    .as("messaging/README.md lists " + name).contains("`" + name));
            for (String exposed : List.of("info", "metrics", "metrics/billwright.decisions")) {
                assertThat(http.send(HttpRequest.newBuilder(URI.create(base + exposed)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).as(exposed).isEqualTo(200);
            }
            for (String hidden : List.of("env", "beans", "heapdump", "loggers", "configprops")) {
                assertThat(http.send(HttpRequest.newBuilder(URI.create(base + hidden)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).as(hidden + " is not exposed").isEqualTo(404);
            }
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
