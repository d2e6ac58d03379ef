package io.billwright.messaging.inbound;

import io.billwright.messaging.observability.ServiceMetrics;
import io.billwright.messaging.parking.DeadLetterPublisher;
import io.billwright.messaging.processing.EventProcessor;
import io.billwright.messaging.processing.ProcessingResult;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The listener for every inbound queue. It returns normally only when the message is processed, found
 * to be a duplicate, or parked with a confirm, so the container's ack never loses a message. Bad input
 * is parked at once; a transient failure is retried with bounded backoff, then parked; a message the
 * broker has redelivered too often is parked before it is tried again.
 */
public final class InboundHandler implements MessageListener {

    /** Retry settings for transient failures. */
    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, int maxDeliveries) {
    }

    private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);

    private final MessageReader reader;
    private final EventProcessor processor;
    private final DeadLetterPublisher deadLetters;
    private final ServiceMetrics metrics;
    private final Retry retry;

    public InboundHandler(MessageReader reader, EventProcessor processor, DeadLetterPublisher deadLetters,
                          ServiceMetrics metrics, Retry retry) {
        this.reader = reader;
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.retry = retry;
    }

    @Override
    public void onMessage(Message message) {
        long started = System.nanoTime();
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
                return;
            }
            InboundMessage inbound = reader.read(message.getBody());
            messageId = inbound.messageId();
            MDC.put("messageId", messageId);
            MDC.put("correlationId", inbound.correlationId());
            MDC.put("contractId", inbound.contractId().value());
            ProcessingResult result = processWithRetries(inbound, message, queue);
            if (result != null) {
                metrics.consumed(inbound.type().type(), result.outcome());
                result.decisions().forEach(metrics::decided);
                log.debug("{} {}: {} decisions, {} packages", inbound.type().type(), result.outcome(),
                        result.decisions().size(), result.packages().size());
            }
        } catch (RejectedMessage rejected) {
            log.warn("parking message from {}: {} at '{}': {}", queue, rejected.reason(), rejected.field(),
                    rejected.detail());
            park(message, queue, messageId, rejected.reason().name(), rejected.field(), rejected.detail(), 1);
        } catch (ParkingFailed failed) {
            throw failed;
        } catch (RuntimeException unexpected) {
            log.error("reading the message failed unexpectedly; parking", unexpected);
            park(message, queue, messageId, ParkReason.PROCESSING_FAILED.name(), "", unexpected.toString(), 1);
        } finally {
            metrics.processed(Duration.ofNanos(System.nanoTime() - started));
            MDC.remove("messageId");
            MDC.remove("correlationId");
            MDC.remove("contractId");
        }
    }

    private ProcessingResult processWithRetries(InboundMessage inbound, Message message, String queue) {
        Duration backoff = retry.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return processor.process(inbound);
            } catch (RejectedMessage rejected) {
                throw rejected;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    log.error("processing failed for a reason that a retry cannot fix; parking", e);
                    park(message, queue, inbound.messageId(), ParkReason.PROCESSING_FAILED.name(), "",
                            e.toString(), attempt);
                    return null;
                }
                if (attempt >= retry.maxAttempts()) {
                    log.error("transient failure outlasted {} attempts; parking: {}", attempt, e.toString());
                    park(message, queue, inbound.messageId(), ParkReason.RETRIES_EXHAUSTED.name(), "",
                            e.toString(), attempt);
                    return null;
                }
                log.warn("transient failure (attempt {} of {}), retrying in {}: {}", attempt, retry.maxAttempts(),
                        backoff, e.toString());
                metrics.retried();
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
            deadLetters.park(new DeadLetterPublisher.Parcel(message.getBody(), message.getMessageProperties(), queue,
                    messageId, reason, field, detail, attempts));
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
