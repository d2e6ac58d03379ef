package io.billwright.messaging.inbound;

import io.billwright.events.InboundMessage;
import io.billwright.events.MessageReader;
import io.billwright.events.ParkReason;
import io.billwright.events.PartitionKey;
import io.billwright.events.RejectedMessage;
import io.billwright.messaging.observability.ServiceMetrics;
import io.billwright.messaging.observability.ThrottledWarning;
import io.billwright.messaging.parking.DeadLetterPublisher;
import io.billwright.messaging.partition.PartitionActivity;
import io.billwright.messaging.processing.EventProcessor;
import io.billwright.messaging.processing.ProcessingResult;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;
import org.springframework.amqp.core.BatchMessageListener;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The listener for every inbound partition. It returns normally only when the message is processed,
 * found to be a duplicate, or parked with a confirm, so the container's ack never loses a message. Bad
 * input (and a message without its contract's partition key) is parked at once and the partition flows
 * on. A transient failure (the database unreachable) holds the partition: the message is retried with
 * backoff until it goes through, because parking it would bill its contract's later messages without it
 * (ADR 0009). A message the broker has redelivered too often is parked before it is tried again.
 */
public final class InboundHandler implements BatchMessageListener {

    /** The received message's AMQP properties, as the broker delivered them, for parking. */
    private static final MessagePropertiesConverter PROPERTIES = new DefaultMessagePropertiesConverter();

    /**
     * Retry settings for transient failures.
     *
     * @param warnEvery     while a transient failure lasts, one warning per this interval
     * @param maxDeliveries a message redelivered more often than this is parked as {@code DELIVERY_LIMIT}
     */
    public record Retry(Duration initialBackoff, Duration maxBackoff, Duration warnEvery, int maxDeliveries) {
    }

    private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);

    private final MessageReader reader;
    private final EventProcessor processor;
    private final DeadLetterPublisher deadLetters;
    private final ServiceMetrics metrics;
    private final Retry retry;
    private final PartitionActivity activity;
    private volatile boolean stopping;

    public InboundHandler(MessageReader reader, EventProcessor processor, DeadLetterPublisher deadLetters,
                          ServiceMetrics metrics, Retry retry, PartitionActivity activity) {
        this.reader = reader;
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.retry = retry;
        this.activity = activity;
    }

    /** The service is stopping: a message waiting out a transient failure goes back to its queue, untouched. */
    public void stopping() {
        stopping = true;
    }

    @Override
    public void onMessage(Message message) {
        onMessageBatch(List.of(message));
    }

    /**
     * A batch from the container: every message is read (bad ones parked), the good ones are applied in
     * one transaction, and if that fails for any reason they are applied one at a time, each with its
     * own retries and parking. The container acks the batch only when this returns.
     */
    @Override
    public void onMessageBatch(List<Message> messages) {
        long started = System.nanoTime();
        if (!messages.isEmpty()) {
            activity.delivered(messages.get(0).getMessageProperties().getConsumerQueue(), messages.size());
        }
        List<Message> originals = new ArrayList<>(messages.size());
        List<InboundMessage> readable = new ArrayList<>(messages.size());
        for (Message message : messages) {
            InboundMessage inbound = readOrPark(message);
            if (inbound != null) {
                originals.add(message);
                readable.add(inbound);
            }
        }
        if (!readable.isEmpty()) {
            List<ProcessingResult> results = tryAsBatch(readable);
            for (int i = 0; i < readable.size(); i++) {
                InboundMessage inbound = readable.get(i);
                Message original = originals.get(i);
                ProcessingResult result = results != null ? results.get(i)
                        : withMdc(inbound, () -> processAlone(inbound, original));
                if (result != null) {
                    metrics.consumed(inbound.type().type(), result.outcome());
                    result.decisions().forEach(metrics::decided);
                }
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        for (int i = 0; i < messages.size(); i++) {
            metrics.processed(elapsed);
        }
    }

    /** One message on its own, with its retries; a message refused while processing is parked. */
    private ProcessingResult processAlone(InboundMessage inbound, Message original) {
        String queue = original.getMessageProperties().getConsumerQueue();
        try {
            return processWithRetries(inbound, original, queue);
        } catch (RejectedMessage rejected) {
            log.warn("parking message from {}: {} at '{}': {}", queue, rejected.reason(), rejected.field(),
                    rejected.detail());
            park(original, queue, inbound.messageId(), rejected.reason().name(), rejected.field(), rejected.detail(), 1);
            return null;
        }
    }

    /** The batch in one transaction, or null when it failed (nothing of it was written then). */
    private List<ProcessingResult> tryAsBatch(List<InboundMessage> readable) {
        if (readable.size() == 1) {
            return null; // one message: the single path, with its retries, is the batch
        }
        try {
            return processor.processAll(readable);
        } catch (RuntimeException e) {
            log.info("a batch of {} failed ({}); applying its messages one at a time", readable.size(), e.toString());
            return null;
        }
    }

    private <T> T withMdc(InboundMessage inbound, java.util.function.Supplier<T> work) {
        MDC.put("messageId", inbound.messageId());
        MDC.put("correlationId", inbound.correlationId());
        MDC.put("contractId", inbound.contractId().value());
        try {
            return work.get();
        } finally {
            MDC.remove("messageId");
            MDC.remove("correlationId");
            MDC.remove("contractId");
        }
    }

    /** The message read and mapped, or null when it was parked (bad input, or redelivered too often). */
    private InboundMessage readOrPark(Message message) {
        MessageProperties properties = message.getMessageProperties();
        String queue = properties.getConsumerQueue();
        putIfPresent("messageId", properties.getMessageId());
        putIfPresent("correlationId", properties.getCorrelationId());
        String messageId = properties.getMessageId();
        try {
            long deliveries = deliveryCount(properties);
            if (deliveries > retry.maxDeliveries()) {
                park(message, queue, messageId, "DELIVERY_LIMIT", "", "delivered " + deliveries
                        + " times without being acknowledged (limit " + retry.maxDeliveries() + ")", 0);
                return null;
            }
            InboundMessage inbound = reader.read(message.getBody());
            PartitionKey.check(properties.getHeaders(), inbound);
            return inbound;
        } catch (RejectedMessage rejected) {
            log.warn("parking message from {}: {} at '{}': {}", queue, rejected.reason(), rejected.field(),
                    rejected.detail());
            park(message, queue, messageId, rejected.reason().name(), rejected.field(), rejected.detail(), 1);
            return null;
        } catch (ParkingFailed failed) {
            throw failed;
        } catch (RuntimeException unexpected) {
            log.error("reading the message failed unexpectedly; parking", unexpected);
            park(message, queue, messageId, ParkReason.PROCESSING_FAILED.name(), "", unexpected.toString(), 1);
            return null;
        } finally {
            MDC.remove("messageId");
            MDC.remove("correlationId");
        }
    }

    /**
     * Applies the message, retrying a transient failure for as long as it lasts: the partition waits, so
     * the contract's later messages are never applied before this one. One warning when the failure starts
     * and one per {@code warnEvery} while it lasts, not one stack trace per attempt.
     */
    private ProcessingResult processWithRetries(InboundMessage inbound, Message message, String queue) {
        Duration backoff = retry.initialBackoff();
        ThrottledWarning outage = null; // made on the first failure only: the usual path allocates nothing
        for (int attempt = 1; ; attempt++) {
            try {
                ProcessingResult result = processor.process(inbound);
                if (outage != null) {
                    outage.succeeded();
                }
                return result;
            } catch (RejectedMessage rejected) {
                throw rejected;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    log.error("processing failed for a reason that a retry cannot fix; parking", e);
                    park(message, queue, inbound.messageId(), ParkReason.PROCESSING_FAILED.name(), "",
                            e.toString(), attempt);
                    return null;
                }
                if (outage == null) {
                    outage = new ThrottledWarning(log, queue + " (it waits and retries until the failure clears)",
                            retry.warnEvery());
                }
                outage.failed(e);
                metrics.retried();
                if (stopping) {
                    throw new ImmediateRequeueAmqpException("stopping while a transient failure lasts", e);
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Parks the message, confirmed. If parking fails (the dead-letter queue is unavailable), the message
     * goes back to its queue after a pause, to be tried again: never acked unparked, never dropped.
     */
    private void park(Message message, String queue, String messageId, String reason, String field, String detail,
                      int attempts) {
        try {
            deadLetters.park(new DeadLetterPublisher.Parcel(message.getBody(),
                    PROPERTIES.fromMessageProperties(message.getMessageProperties(), "UTF-8"), queue, messageId, reason, field, detail, attempts));
        } catch (RuntimeException e) {
            log.error("could not park the message ({}); returning it to {}", e.toString(), queue);
            sleep(retry.maxBackoff());
            throw new ParkingFailed("parking failed: " + e.getMessage(), e);
        }
        metrics.parked(reason);
    }

    /** Parking failed: the message is requeued rather than acked or dropped. */
    static final class ParkingFailed extends ImmediateRequeueAmqpException {
        ParkingFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static void putIfPresent(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }

    /** Database unreachable, connection lost, lock timeout, deadlock, serialization failure. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException || t instanceof PessimisticLockingFailureException
                    || t instanceof QueryTimeoutException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * SQL states that mean "try again": connection exceptions (08), serialization failure and deadlock
     * (40001, 40P01), lock not available (55P03), server shutting down or starting (57P01-57P03), statement
     * cancelled or timed out (57014),
     * insufficient resources (53), and H2's lock and statement timeouts (HYT00, HYT01).
     */
    static boolean isTransientState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("53") || state.equals("40001") || state.equals("40P01")
                || state.equals("55P03") || state.startsWith("57P") || state.equals("57014") || state.equals("HYT00")
                || state.equals("HYT01");
    }

    private static long deliveryCount(MessageProperties properties) {
        Object count = properties.getHeaders().get("x-delivery-count");
        return count instanceof Number n ? n.longValue() : 0;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // shutting down: give the message back to the broker untouched
            throw new ImmediateRequeueAmqpException("interrupted while waiting to retry", e);
        }
    }

}
