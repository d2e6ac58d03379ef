package io.billwright.messaging.parking;

import io.billwright.messaging.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Parks a message on the dead-letter exchange with headers that say why, and returns only once the
 * broker has confirmed it (with {@code mandatory}: a parked message that reached no queue is a failure).
 * The caller acks the original only after this returns, so a failed park loses nothing.
 */
public final class DeadLetterPublisher {

    public static final String REASON = "x-billwright-reason";
    public static final String DETAIL = "x-billwright-detail";
    public static final String FIELD = "x-billwright-field";
    public static final String ORIGINAL_QUEUE = "x-billwright-original-queue";
    public static final String MESSAGE_ID = "x-billwright-message-id";
    public static final String ATTEMPTS = "x-billwright-attempts";
    public static final String PARKED_AT = "x-billwright-parked-at";
    public static final String ORIGINAL_DELIVERY_COUNT = "x-billwright-original-delivery-count";

    private final RabbitTemplate rabbit;
    private final Topology topology;
    private final Clock clock;
    private final Duration confirmTimeout;

    public DeadLetterPublisher(RabbitTemplate rabbit, Topology topology, Clock clock, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.topology = topology;
        this.clock = clock;
        this.confirmTimeout = confirmTimeout;
    }

    /** What to park and why. {@code messageId} may be null when the body could not be read. */
    public record Parcel(byte[] body, MessageProperties original, String originalQueue, String messageId,
                         String reason, String field, String detail, int attempts) {
    }

    public void park(Parcel parcel) {
        MessageProperties properties = new MessageProperties();
        MessageProperties original = parcel.original();
        if (original != null) {
            // the broker's own bookkeeping stays behind: a parked message replayed later starts afresh
            original.getHeaders().forEach((name, value) -> {
                if (!name.startsWith("x-death") && !name.startsWith("x-first-death") && !name.startsWith("x-last-death")
                        && !name.equals("x-delivery-count")) {
                    properties.setHeader(name, value);
                }
            });
            Object deliveries = original.getHeaders().get("x-delivery-count");
            if (deliveries != null) {
                properties.setHeader(ORIGINAL_DELIVERY_COUNT, deliveries);
            }
            properties.setContentType(original.getContentType());
            properties.setCorrelationId(original.getCorrelationId());
            properties.setMessageId(original.getMessageId());
            properties.setType(original.getType());
        }
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader(REASON, parcel.reason());
        properties.setHeader(DETAIL, parcel.detail() == null ? "" : parcel.detail());
        properties.setHeader(FIELD, parcel.field() == null ? "" : parcel.field());
        properties.setHeader(ORIGINAL_QUEUE, parcel.originalQueue() == null ? "" : parcel.originalQueue());
        properties.setHeader(MESSAGE_ID, parcel.messageId() == null ? "" : parcel.messageId());
        properties.setHeader(ATTEMPTS, parcel.attempts());
        properties.setHeader(PARKED_AT, clock.instant().toString());
        CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
        rabbit.send(topology.deadLetterExchange(), "parked", new Message(parcel.body(), properties), correlation);
        awaitConfirm(correlation);
    }

    private void awaitConfirm(CorrelationData correlation) {
        CorrelationData.Confirm confirm;
        try {
            confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmqpException("interrupted while parking a message", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AmqpException("the broker did not confirm a parked message within " + confirmTimeout, e);
        }
        if (!confirm.ack() || correlation.getReturned() != null) {
            throw new AmqpException("the broker refused a parked message: "
                    + (confirm.ack() ? "returned " + correlation.getReturned().getReplyText() : confirm.reason()));
        }
    }
}
