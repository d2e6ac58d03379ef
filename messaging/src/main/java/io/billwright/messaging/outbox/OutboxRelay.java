package io.billwright.messaging.outbox;

import io.billwright.messaging.observability.ServiceMetrics;
import io.billwright.messaging.parking.DeadLetterPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows. Each round claims a batch of due rows (a short transaction, with a
 * lease), publishes them all with {@code mandatory} and correlated confirms outside any transaction,
 * waits for the confirms together, and marks sent only the rows the broker confirmed and did not
 * return. Anything else, a failed send included, is retried with bounded exponential backoff and, after
 * the last attempt, parked on the dead-letter queue. A crash between publish and mark means a row is
 * published again once its lease expires, under the same message id: consumers deduplicate on it.
 */
public final class OutboxRelay implements SmartLifecycle {

    /** Relay settings. */
    public record Settings(int batchSize, Duration pollInterval, Duration confirmTimeout, Duration initialBackoff,
                           Duration maxBackoff, int maxAttempts) {
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final TransactionTemplate transactions;
    private final RabbitTemplate rabbit;
    private final DeadLetterPublisher deadLetters;
    private final ServiceMetrics metrics;
    private final Clock clock;
    private final Settings settings;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(OutboxRepository outbox, TransactionTemplate transactions, RabbitTemplate rabbit,
                       DeadLetterPublisher deadLetters, ServiceMetrics metrics, Clock clock, Settings settings) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.rabbit = rabbit;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = settings;
    }

    /** Asks for a round now (called after a transaction that wrote outbox rows commits). */
    public void wake() {
        signal.release();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        signal.release();
        if (worker != null) {
            try {
                worker.join(settings.confirmTimeout().toMillis() * 2 + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the listener containers (which stop first), so their last commits still go out. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1_000;
    }

    private void loop() {
        while (running) {
            int published;
            try {
                published = relayOnce();
            } catch (Throwable e) { // the relay must outlive any single failure, or packages stop silently
                log.warn("outbox round failed, retrying in {}: {}", settings.pollInterval(), e.toString());
                published = 0;
            }
            if (published < settings.batchSize()) {
                try {
                    signal.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One round; returns the number of rows handled. Public for tests and tools. */
    public int relayOnce() {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(settings.confirmTimeout().multipliedBy(3));
        List<OutboxRow> rows = transactions.execute(status -> outbox.claimDue(now, settings.batchSize(), leaseUntil));
        if (rows == null || rows.isEmpty()) {
            return 0;
        }
        List<CorrelationData> confirms = new ArrayList<>(rows.size());
        List<String> sendFailures = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            CorrelationData correlation = new CorrelationData(Long.toString(row.id()));
            String failure = null;
            try {
                rabbit.send(row.message().exchange(), row.message().routingKey(), toAmqp(row.message()), correlation);
            } catch (RuntimeException e) {
                failure = "send failed: " + e;
            }
            confirms.add(correlation);
            sendFailures.add(failure);
        }
        List<Long> sent = new ArrayList<>();
        List<OutboxRow> failed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        Instant deadline = clock.instant().plus(settings.confirmTimeout());
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            String failure = sendFailures.get(i) != null ? sendFailures.get(i) : failureOf(confirms.get(i), deadline);
            if (failure == null) {
                sent.add(row.id());
                metrics.outboxPublished(row.message());
            } else {
                failed.add(row);
                reasons.add(failure);
            }
        }
        transactions.executeWithoutResult(status -> outbox.markSent(sent, clock.instant()));
        for (int i = 0; i < failed.size(); i++) {
            retryOrPark(failed.get(i), reasons.get(i));
        }
        return rows.size();
    }

    private String failureOf(CorrelationData correlation, Instant deadline) {
        try {
            long wait = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
            CorrelationData.Confirm confirm = correlation.getFuture().get(wait, TimeUnit.MILLISECONDS);
            if (!confirm.ack()) {
                return "not confirmed (nack): " + confirm.reason();
            }
            if (correlation.getReturned() != null) {
                return "returned by the broker: " + correlation.getReturned().getReplyText()
                        + " (no queue bound for routing key '" + correlation.getReturned().getRoutingKey() + "')";
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the confirm";
        } catch (ExecutionException e) {
            return "publish failed: " + e.getCause();
        } catch (TimeoutException e) {
            return "no confirm within " + settings.confirmTimeout();
        }
    }

    private void retryOrPark(OutboxRow row, String failure) {
        int attempt = row.attempts() + 1;
        MDC.put("messageId", row.message().messageId());
        MDC.put("correlationId", row.message().correlationId());
        try {
            if (attempt >= settings.maxAttempts()) {
                log.error("outbox message {} failed {} times, parking it: {}", row.message().messageId(), attempt, failure);
                try {
                    deadLetters.park(new DeadLetterPublisher.Parcel(row.message().body().getBytes(StandardCharsets.UTF_8),
                            toAmqp(row.message()).getMessageProperties(), "outbox", row.message().messageId(),
                            "PUBLISH_FAILED", "", failure, attempt));
                    transactions.executeWithoutResult(s -> outbox.markParked(row.id(), failure, clock.instant()));
                    metrics.parked("PUBLISH_FAILED");
                } catch (RuntimeException parkFailed) {
                    transactions.executeWithoutResult(s -> outbox.markFailed(row.id(),
                            failure + "; parking failed too: " + parkFailed.getMessage(),
                            clock.instant().plus(settings.maxBackoff())));
                }
                return;
            }
            Duration backoff = backoff(attempt);
            log.warn("outbox message {} not published (attempt {}), retrying in {}: {}", row.message().messageId(),
                    attempt, backoff, failure);
            transactions.executeWithoutResult(s -> outbox.markFailed(row.id(), failure, clock.instant().plus(backoff)));
            metrics.outboxRetried();
        } finally {
            MDC.remove("messageId");
            MDC.remove("correlationId");
        }
    }

    private Duration backoff(int attempt) {
        long millis = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
    }

    static Message toAmqp(OutboxMessage message) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(message.messageId());
        properties.setCorrelationId(message.correlationId());
        properties.setContentType("application/cloudevents+json");
        properties.setContentEncoding("utf-8");
        properties.setType(message.type());
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        return new Message(message.body().getBytes(StandardCharsets.UTF_8), properties);
    }
}
