package io.billwright.messaging.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.events.EventType;
import io.billwright.messaging.parking.DeadLetterPublisher;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.events.testing.TestMessages;
import io.billwright.messaging.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input is parked once on the dead-letter queue, with headers naming the reason, the
 * field and the queue it came from; nothing loops; and a good message behind them is processed.
 */
class BadInputIT {

    /** Whether a case travels with the partition key a publisher derives from the body. */
    private static final boolean KEYED = true;

    private record Case(String messageId, String routingKey, byte[] body, String reason, String field, boolean keyed) {
    }

    @Test
    void parksEveryBadMessageWithItsReasonAndKeepsTheQueuesFlowing() {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        String timeKey = EventType.TIME_ENTRY_RECORDED.routingKey();
        String expenseKey = EventType.EXPENSE_RECORDED.routingKey();
        String entry = TestMessages.timeEntry("C-BAD", "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED").body();
        List<Case> cases = List.of(
                new Case("bad-json", timeKey, bytes("{\"specversion\": \"1.0\", \"id\": "), "MALFORMED_JSON", "", KEYED),
                new Case("bad-schema", timeKey, bytes(entry.replace("\"hours\":\"8\"", "\"hours\":8")),
                        "SCHEMA_VIOLATION", "data.timeEntry.hours", KEYED),
                new Case("bad-type", "contract.exploded.v1", bytes(entry.replace(EventType.TIME_ENTRY_RECORDED.type(),
                        "io.billwright.contract.exploded.v1")), "UNKNOWN_TYPE", "type", KEYED),
                new Case("no-spec", timeKey, bytes(entry.replace("\"specversion\":\"1.0\",", "")),
                        "UNSUPPORTED_SPECVERSION", "specversion", KEYED),
                new Case("old-spec", timeKey, bytes(entry.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\"")),
                        "UNSUPPORTED_SPECVERSION", "specversion", KEYED),
                new Case("decimals", expenseKey, bytes(TestMessages.expense("C-BAD", "EX-1", "10.001", "EUR").body()),
                        "TOO_MANY_DECIMALS", "data.expense.amount", KEYED),
                new Case("negative", expenseKey, bytes(TestMessages.expense("C-BAD", "EX-2", "-10.00", "EUR").body()),
                        "SCHEMA_VIOLATION", "data.expense.amount", KEYED),
                new Case("currency", expenseKey, bytes(TestMessages.expense("C-BAD", "EX-3", "10.00", "XQZ").body()),
                        "UNKNOWN_CURRENCY", "data.expense.currency", KEYED),
                new Case("oversize", timeKey, bytes(entry.replace("\"person\":\"anna\"",
                        "\"person\":\"" + "x".repeat(1_100_000) + "\"")), "OVERSIZE", "", KEYED));
        String contract = "C-BAD-KEY-" + topology.namespace();
        cases = new java.util.ArrayList<>(cases);
        cases.add(new Case("no-key", timeKey, bytes(TestMessages.timeEntry(contract, "TE-9", LocalDate.of(2026, 1, 5),
                "8", "APPROVED").body()), "NO_PARTITION_KEY", "partitionkey", false));
        cases.add(new Case("other-key", timeKey, bytes(TestMessages.timeEntry(contract, "TE-10",
                LocalDate.of(2026, 1, 5), "8", "APPROVED").body().replace("\"specversion\"",
                "\"partitionkey\":\"C-SOMEONE-ELSE\",\"specversion\"")), "NO_PARTITION_KEY", "partitionkey", KEYED));
        TestMessages.Msg good = TestMessages.contract("C-GOOD-" + topology.namespace(), "SAP_S4HANA");

        try (TestBroker broker = new TestBroker();
             ServiceHarness ignored = ServiceHarness.start(topology, database, Map.of())) {
            for (Case c : cases) {
                broker.publish(topology.inboundExchange(), c.routingKey(), c.body(), c.messageId(),
                        c.keyed() ? TestBroker.keyed(c.body()) : null);
            }
            broker.publish(topology, good);

            List<TestBroker.Received> parked = broker.await(topology.deadLetterQueue(), cases.size(),
                    Duration.ofSeconds(30));
            assertThat(parked).hasSize(cases.size());
            Map<String, TestBroker.Received> byMessage = parked.stream()
                    .collect(Collectors.toMap(TestBroker.Received::messageId, Function.identity()));
            for (Case c : cases) {
                TestBroker.Received message = byMessage.get(c.messageId());
                assertThat(message).as(c.messageId()).isNotNull();
                assertThat(message.header(DeadLetterPublisher.REASON)).as(c.messageId()).isEqualTo(c.reason());
                assertThat(message.header(DeadLetterPublisher.FIELD)).as(c.messageId()).isEqualTo(c.field());
                assertThat(message.header(DeadLetterPublisher.ORIGINAL_QUEUE)).as(c.messageId())
                        .isIn(topology.inboundQueues());
                assertThat(message.header(DeadLetterPublisher.DETAIL)).as(c.messageId()).isNotBlank();
                Map<String, Object> published = c.keyed() ? TestBroker.keyed(c.body()) : Map.of();
                assertThat(message.publishedHeaders().keySet().stream().filter(name -> !name.startsWith("x-billwright-")))
                        .as("the original's headers and Billwright's reasons, nothing else")
                        .containsExactlyInAnyOrderElementsOf(published == null ? List.of() : published.keySet());
                assertThat(message.body()).as("the body is parked unchanged")
                        .isEqualTo(new String(c.body(), StandardCharsets.UTF_8));
            }
            assertThat(Sql.awaitCount(database, "select count(*) from event_log where message_id = '" + good.id() + "'",
                    n -> n == 1, Duration.ofSeconds(20))).as("the good message behind them").isEqualTo(1);
            assertThat(broker.drain(topology.deadLetterQueue(), Duration.ofSeconds(1))).as("parked once, no loop")
                    .isEmpty();
            for (String queue : topology.inboundQueues()) {
                assertThat(broker.depth(queue)).as(queue).isZero();
            }
            assertThat(Sql.count(database, "select count(*) from event_log")).isEqualTo(1);
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
