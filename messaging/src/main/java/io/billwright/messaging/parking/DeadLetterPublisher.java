package io.billwright.messaging.parking;

import com.rabbitmq.client.AMQP;
import io.billwright.messaging.publish.ConfirmedPublisher;
import io.billwright.messaging.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.amqp.AmqpException;

/**
 * Parks a message on the dead-letter exchange with headers that say why, and returns only once the
 * broker has confirmed it (with {@code mandatory}: a parked message that reached no queue is a failure).
 * The caller acks the original only after this returns, so a failed park loses nothing.
 */
public final class DeadLetterPublisher implements AutoCloseable {

    public static final String REASON = "x-billwright-reason";
    public static final String DETAIL = "x-billwright-detail";
    public static final String FIELD = "x-billwright-field";
    public static final String ORIGINAL_QUEUE = "x-billwright-original-queue";
    public static final String MESSAGE_ID = "x-billwright-message-id";
    public static final String ATTEMPTS = "x-billwright-attempts";
    public static final String PARKED_AT = "x-billwright-parked-at";
    public static final String ORIGINAL_DELIVERY_COUNT = "x-billwright-original-delivery-count";

    private final ConfirmedPublisher publisher;
    private final Topology topology;
    private final Clock clock;
    private final Duration confirmTimeout;

    /**
     * @param publisher a publisher of its own: parks go one at a time (a parcel may have no message id, and
     *                  a return is matched to its publish by message id)
     */
    public DeadLetterPublisher(ConfirmedPublisher publisher, Topology topology, Clock clock, Duration confirmTimeout) {
        this.publisher = publisher;
        this.topology = topology;
        this.clock = clock;
        this.confirmTimeout = confirmTimeout;
    }

    /** What to park and why. {@code messageId} may be null when the body could not be read. */
    public record Parcel(byte[] body, AMQP.BasicProperties original, String originalQueue, String messageId,
                         String reason, String field, String detail, int attempts) {
    }

    /** Publishes the parcel to the dead-letter exchange and returns once the broker confirmed it. */
    public synchronized void park(Parcel parcel) {
        Map<String, Object> headers = new LinkedHashMap<>();
        AMQP.BasicProperties.Builder properties = new AMQP.BasicProperties.Builder();
        AMQP.BasicProperties original = parcel.original();
        if (original != null) {
            Map<String, Object> originalHeaders = original.getHeaders() == null ? Map.of() : original.getHeaders();
            // the broker's own bookkeeping stays behind: a parked message replayed later starts afresh
            originalHeaders.forEach((name, value) -> {
                if (!name.startsWith("x-death") && !name.startsWith("x-first-death") && !name.startsWith("x-last-death")
                        && !name.equals("x-delivery-count")) {
                    headers.put(name, value);
                }
            });
            Object deliveries = originalHeaders.get("x-delivery-count");
            if (deliveries != null) {
                headers.put(ORIGINAL_DELIVERY_COUNT, deliveries);
            }
            properties.contentType(original.getContentType())
                    .contentEncoding(original.getContentEncoding())
                    .correlationId(original.getCorrelationId())
                    .messageId(original.getMessageId())
                    .type(original.getType());
        }
        headers.put(REASON, parcel.reason());
        headers.put(DETAIL, parcel.detail() == null ? "" : parcel.detail());
        headers.put(FIELD, parcel.field() == null ? "" : parcel.field());
        headers.put(ORIGINAL_QUEUE, parcel.originalQueue() == null ? "" : parcel.originalQueue());
        headers.put(MESSAGE_ID, parcel.messageId() == null ? "" : parcel.messageId());
        headers.put(ATTEMPTS, parcel.attempts());
        headers.put(PARKED_AT, clock.instant().toString());
        properties.deliveryMode(2).headers(headers);
        ConfirmedPublisher.Confirmation answer = publisher.publishAndWait(topology.deadLetterExchange(), "parked",
                properties.build(), parcel.body(), confirmTimeout);
        if (!answer.confirmed()) {
            throw new AmqpException("the broker did not take a parked message: " + answer.failure());
        }
    }

    /** Closes the publisher's connection. */
    @Override
    public void close() {
        publisher.close();
    }

}
