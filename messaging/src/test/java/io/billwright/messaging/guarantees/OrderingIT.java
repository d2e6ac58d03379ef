package io.billwright.messaging.guarantees;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.contract.ErpTarget;
import io.billwright.messaging.parking.DeadLetterPublisher;
import io.billwright.messaging.support.OutboundSchemaCheck;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.events.testing.TestMessages;
import io.billwright.events.testing.TestMessages.Msg;
import io.billwright.messaging.topology.Topology;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.billwright.messaging.processing.EventProcessor;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two consumers can take one item's updates in either order, and a parked message can be replayed late.
 * An update older (by its CloudEvents time) than the one applied is skipped as stale, so an approval is
 * never withdrawn by the submission it followed; and a reused message id with other content is parked,
 * never silently taken for a redelivery.
 */
class OrderingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path h2Directory;

    static Stream<TestInfrastructure.Database> databases() {
        return Stream.of(TestInfrastructure.get().newPostgresSchema(), TestInfrastructure.newH2(h2Directory));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStaleUpdateNeverUndoesANewerOneAndAReusedIdIsParked(TestInfrastructure.Database database) {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        String contract = TestMessages.uniqueContractId();
        LocalDate day = LocalDate.of(2026, 1, 5);
        Msg approved = TestMessages.at(TestMessages.timeEntry(contract, "TE-7", day, "8", "APPROVED"),
                "2026-01-06T10:00:00Z");
        Msg lateSubmission = TestMessages.at(TestMessages.timeEntry(contract, "TE-7", day, "8", "SUBMITTED"),
                "2026-01-05T18:00:00Z");
        Msg reusedId = TestMessages.sameId(approved, TestMessages.timeEntry(contract, "TE-8", day, "3", "APPROVED"));

        try (TestBroker broker = new TestBroker();
             ServiceHarness ignored = ServiceHarness.start(topology, database, Map.of())) {
            broker.publish(topology, TestMessages.contract(contract, "NETSUITE"));
            broker.publish(topology, approved);
            Sql.awaitCount(database, "select count(*) from event_log", n -> n == 2, Duration.ofSeconds(20));
            ListAppender<ILoggingEvent> logged = new ListAppender<>();
            logged.start();
            Logger processorLog = (Logger) LoggerFactory.getLogger(EventProcessor.class);
            processorLog.addAppender(logged);
            broker.publish(topology, lateSubmission);
            assertThat(Sql.awaitCount(database, "select count(*) from processed_message where outcome = 'STALE'",
                    n -> n == 1, Duration.ofSeconds(20))).isEqualTo(1);
            processorLog.detachAppender(logged);
            assertThat(logged.list).as("the log line about the message names it").anySatisfy(event -> {
                assertThat(event.getFormattedMessage()).contains("stale");
                assertThat(event.getMDCPropertyMap()).containsEntry("messageId", lateSubmission.id())
                        .containsEntry("correlationId", "corr-" + lateSubmission.id())
                        .containsEntry("contractId", contract);
            });

            broker.publish(topology, reusedId);
            // the same id and the same data from another source: another event, not a redelivery (issue 15)
            Msg otherSource = new Msg(approved.routingKey(), approved.id(),
                    approved.body().replace("\"source\":\"/test\"", "\"source\":\"/other-timesheets\""));
            broker.publish(topology, otherSource);
            broker.publish(topology, approved); // a true redelivery: skipped, never parked
            List<TestBroker.Received> parked = broker.await(topology.deadLetterQueue(), 2, Duration.ofSeconds(20));
            assertThat(parked).hasSize(2).allSatisfy(message -> {
                assertThat(message.header(DeadLetterPublisher.REASON)).isEqualTo("ID_REUSED");
                assertThat(message.header(DeadLetterPublisher.FIELD)).isEqualTo("id");
            });
            assertThat(parked).anySatisfy(message -> assertThat(message.body()).contains("/other-timesheets"));

            Msg refused = TestMessages.timeEntry(contract, "TE-9", day, "2", "REJECTED");
            broker.publish(topology, refused);
            List<TestBroker.Received> exceptions = broker.await(topology.exceptionsQueue(), 1, Duration.ofSeconds(20));
            // the contract's later message has been applied, so the redelivery before it was judged too
            assertThat(broker.drain(topology.deadLetterQueue(), Duration.ofMillis(300)))
                    .as("a true redelivery is skipped, never parked").isEmpty();
            assertThat(exceptions).singleElement().satisfies(notice -> {
                JsonNode envelope = JSON.readTree(notice.body());
                assertThat(envelope.get("type").asString()).isEqualTo("io.billwright.decision.rejected.v1");
                assertThat(envelope.get("data").get("reason").asString()).isEqualTo("REJECTED_BY_APPROVER");
                assertThat(envelope.get("data").get("messageId").asString()).isEqualTo(refused.id());
                assertThat(OutboundSchemaCheck.violations("exception", envelope.get("data"))).isEmpty();
            });

            broker.publish(topology, TestMessages.periodClosed(contract, "2026-01", LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 1, 31)));
            List<TestBroker.Received> packages = broker.await(topology.erpQueue(ErpTarget.NETSUITE), 1,
                    Duration.ofSeconds(20));
            assertThat(packages).as("the approved entry is billed").hasSize(1);
            assertThat(packages.get(0).body()).contains("TE-7").doesNotContain("TE-8");
            assertThat(Sql.count(database, "select count(*) from event_log")).as("stale and reused not applied")
                    .isEqualTo(4);
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }
}
