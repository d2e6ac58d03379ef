package io.billwright.messaging.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConnectionFactory;
import io.billwright.messaging.publish.ConfirmedPublisher.Confirmation;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plain-client publisher against a real broker: confirms, returns and a channel the broker closed. */
class ConfirmedPublisherIT {

    private final TestBroker broker = new TestBroker();
    private final String queue = "billwright.test.publisher-" + TestInfrastructure.newNamespace();
    private ConfirmedPublisher publisher;

    @BeforeEach
    void connect() {
        assertThat(broker.declareAsAConnector(queue, Map.of("x-queue-type", "quorum"))).isNull();
        TestInfrastructure infra = TestInfrastructure.get();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(infra.rabbitHost());
        factory.setPort(infra.rabbitPort());
        factory.setUsername(infra.rabbitUser());
        factory.setPassword(infra.rabbitPassword());
        publisher = new ConfirmedPublisher(factory, "billwright-test-publisher");
    }

    @AfterEach
    void close() {
        publisher.close();
        broker.deleteQueue(queue);
        broker.close();
    }

    @Test
    void aRoutedMessageIsConfirmedAndArrivesWithoutAnyHeader() throws Exception {
        assertThat(send("", queue, "m-1").failure()).isNull();

        List<TestBroker.Received> received = broker.await(queue, 1, Duration.ofSeconds(10));
        assertThat(received).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo("m-1");
            assertThat(message.publishedHeaders()).as("nothing added to the headers").isEmpty();
            assertThat(message.body()).isEqualTo("body of m-1");
        });
    }

    @Test
    void aMessageNoQueueTakesIsReturnedNotConfirmed() throws Exception {
        Confirmation unroutable = send("", queue + "-missing", "m-2");
        Confirmation routed = send("", queue, "m-3");

        assertThat(unroutable.confirmed()).isFalse();
        assertThat(unroutable.failure()).contains("returned by the broker").contains("NO_ROUTE")
                .contains(queue + "-missing");
        assertThat(routed.confirmed()).as("a return belongs to its own message only").isTrue();
    }

    @Test
    void aMessageWithoutIdIsMatchedToItsReturn() throws Exception {
        AMQP.BasicProperties noId = new AMQP.BasicProperties.Builder().deliveryMode(2).build();
        Confirmation returned = publisher.publish("", queue + "-missing", noId, new byte[] {1})
                .get(10, TimeUnit.SECONDS);
        assertThat(returned.failure()).contains("NO_ROUTE");
    }

    @Test
    void aChannelTheBrokerClosedFailsItsPublishAndTheNextPublishOpensAnother() throws Exception {
        Confirmation lost = send("billwright.test.no-such-exchange", "any", "m-4");
        assertThat(lost.confirmed()).isFalse();
        assertThat(lost.failure()).contains("NOT_FOUND");

        assertThat(send("", queue, "m-5").confirmed()).isTrue();
        assertThat(broker.await(queue, 1, Duration.ofSeconds(10))).extracting(TestBroker.Received::messageId)
                .containsExactly("m-5");
    }

    private Confirmation send(String exchange, String routingKey, String messageId) throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId(messageId).deliveryMode(2)
                .build();
        return publisher.publish(exchange, routingKey, properties,
                ("body of " + messageId).getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
    }
}
