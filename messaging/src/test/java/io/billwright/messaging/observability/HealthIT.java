package io.billwright.messaging.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.billwright.events.testing.TestMessages;
import io.billwright.messaging.support.PrivatePostgres;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.topology.Topology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the service's own PostgreSQL cluster is down, {@code /actuator/health} answers within a second and
 * says DOWN, a message that arrives waits in its partition, and the log holds a few clear warnings, not a
 * stack trace per attempt. When the database is back, health is UP and the message is applied.
 */
class HealthIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Test
    void healthSaysDownWithinASecondWhileTheDatabaseIsDown() throws Exception {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        try (PrivatePostgres postgres = PrivatePostgres.start();
             TestBroker broker = new TestBroker();
             ServiceHarness service = ServiceHarness.start(topology, postgres.database(), Map.of(
                     "spring.datasource.hikari.connection-timeout", "2000",
                     "billwright.admin.username", "ops", "billwright.admin.password", "health-test-secret"))) {
            String health = "http://127.0.0.1:" + service.httpPort() + "/actuator/health";
            assertThat(awaitStatus(health, "UP")).isEqualTo("UP");

            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            logged.start();
            root.addAppender(logged);
            postgres.stop();
            TestMessages.Msg contract = TestMessages.contract("C-H-" + topology.namespace(), "NETSUITE");
            broker.publish(topology, contract);
            assertThat(awaitStatus(health, "DOWN")).isEqualTo("DOWN");
            long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            while (System.nanoTime() < deadline) {
                long started = System.nanoTime();
                JsonNode answer = get(health);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("health answers within a second")
                        .isLessThan(Duration.ofSeconds(1));
                assertThat(answer.path("status").asString()).isEqualTo("DOWN");
                assertThat(answer.path("components").path("db").path("status").asString()).isEqualTo("DOWN");
                Thread.sleep(300);
            }
            root.detachAppender(logged);
            List<ILoggingEvent> warnings = logged.list.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
            assertThat(warnings).as("no stack traces from the service during the outage")
                    .noneMatch(e -> e.getThrowableProxy() != null && e.getLoggerName().startsWith("io.billwright"));
            assertThat(warnings.stream().filter(e -> e.getLoggerName().startsWith("io.billwright")).count())
                    .as("a few warnings, not one per attempt").isLessThanOrEqualTo(6);

            postgres.startAgain();
            assertThat(awaitStatus(health, "UP")).isEqualTo("UP");
            assertThat(Sql.awaitCount(postgres.database(), "select count(*) from event_log", n -> n == 1,
                    Duration.ofSeconds(30))).as("the message waited and was applied").isEqualTo(1);
        } finally {
            broker(topology);
        }
    }

    private String awaitStatus(String url, String wanted) throws Exception {
        String status = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            status = get(url).path("status").asString();
            if (wanted.equals(status)) {
                return status;
            }
            Thread.sleep(200);
        }
        return status;
    }

    private JsonNode get(String url) throws Exception {
        // the details (which check is down) are for the admin; anyone else sees the status only
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "ops:health-test-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static void broker(Topology topology) {
        try (TestBroker broker = new TestBroker()) {
            broker.deleteNamespace(topology);
        }
    }
}
