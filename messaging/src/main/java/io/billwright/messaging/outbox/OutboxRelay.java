package io.billwright.messaging.outbox;

import io.billwright.messaging.observability.ThrottledWarning;

import io.billwright.messaging.observability.ServiceMetrics;
import io.billwright.messaging.parking.DeadLetterPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import io.billwright.messaging.publish.ConfirmedPublisher;
import io.billwright.messaging.publish.ConfirmedPublisher.Confirmation;
import com.rabbitmq.client.AMQP;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows. A round takes the rows a transaction of this process handed over
 * (inserted with a lease) or, in turn, claims a batch of due rows (a short transaction, with a lease),
 * publishes them all with {@code mandatory} and confirms (through {@link ConfirmedPublisher}, which adds no
 * header) outside any transaction, waits for the
 * confirms together, and marks sent only the rows the broker confirmed and did not return. Waiting for
 * confirms and marking happen on a second thread while the next round is published (the lease keeps the
 * rows out of later rounds), so a burst of packages is not published one round trip after another; at most
 * {@value #ROUNDS_IN_FLIGHT} rounds await their confirms at once. Anything else, a failed send included, is
 * retried with bounded exponential backoff and, after
 * the last attempt, parked on the dead-letter queue. A crash between publish and mark means a row is
 * published again once its lease expires, under the same message id: consumers deduplicate on it.
 */
public final class OutboxRelay implements SmartLifecycle, OutboxHandOver {

    /** Relay settings. */
    public record Settings(int batchSize, Duration pollInterval, Duration confirmTimeout, Duration initialBackoff,
                           Duration maxBackoff, int maxAttempts) {
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int ROUNDS_IN_FLIGHT = 4;

    private final OutboxRepository outbox;
    private final TransactionTemplate transactions;
    private final ConfirmedPublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final ServiceMetrics metrics;
    private final Clock clock;
    private final Settings settings;
    private final Semaphore signal = new Semaphore(0);
    private final Semaphore inFlight = new Semaphore(ROUNDS_IN_FLIGHT);
    private final ConcurrentLinkedQueue<OutboxMessage> handedOver = new ConcurrentLinkedQueue<>();
    private boolean pollTurn;
    private volatile boolean running;
    private Thread worker;
    private ExecutorService confirmer;

    /** A published round awaiting its confirms. */
    private record Round(List<OutboxRow> rows, List<CompletableFuture<Confirmation>> confirms, Instant deadline) {
    }

    public OutboxRelay(OutboxRepository outbox, TransactionTemplate transactions, ConfirmedPublisher publisher,
                       DeadLetterPublisher deadLetters, ServiceMetrics metrics, Clock clock, Settings settings) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Takes rows a transaction just committed, inserted with a lease ({@link #handOverLease}), and publishes
     * them in the next round without claiming them from the table first. If this relay stops or dies before,
     * the lease runs out and the poll publishes them.
     */
    @Override
    public void handOver(List<OutboxMessage> messages) {
        if (!messages.isEmpty()) {
            handedOver.addAll(messages);
            signal.release();
        }
    }

    /** Until when rows handed over at {@code now} are kept from the poll. */
    @Override
    public Instant handOverLease(Instant now) {
        return leaseFrom(now);
    }

    /** How long a round's rows are kept from other rounds and other relays: three confirm timeouts. */
    private Instant leaseFrom(Instant now) {
        return now.plus(settings.confirmTimeout().multipliedBy(3));
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        confirmer = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-confirms"));
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
                releaseHandedOver();
                // rounds already published are confirmed and marked before the database goes away
                confirmer.shutdown();
                confirmer.awaitTermination(settings.confirmTimeout().toMillis() * ROUNDS_IN_FLIGHT + 1_000,
                        TimeUnit.MILLISECONDS);
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
        ThrottledWarning outage = new ThrottledWarning(log, "the outbox relay", Duration.ofSeconds(30));
        while (running) {
            int published;
            try {
                published = relayOnce();
                outage.succeeded();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) { // the relay must outlive any single failure, or packages stop silently
                outage.failed(e);
                published = 0;
            }
            if (published < settings.batchSize() && handedOver.isEmpty()) {
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

    /**
     * Claims and publishes one round, and hands it to the confirm thread (or, when the relay is not
     * running, settles it here); returns the number of rows published.
     */
    int relayOnce() throws InterruptedException {
        Instant now = clock.instant();
        Instant leaseUntil = leaseFrom(now);
        inFlight.acquire();
        boolean settling = false;
        try {
            // rows handed over, then a poll of the table, in turn: retries and rows another process left are
            // never starved by a steady stream of new ones
            List<OutboxRow> rows = pollTurn ? List.of() : takeHandedOver();
            pollTurn = !rows.isEmpty();
            if (rows.isEmpty()) {
                rows = transactions.execute(status -> outbox.claimDue(now, settings.batchSize(), leaseUntil));
            }
            if (rows == null || rows.isEmpty()) {
                return 0;
            }
            Round round = publish(rows);
            ExecutorService settler = confirmer;
            if (settler != null && !settler.isShutdown()) {
                settler.execute(() -> {
                    try {
                        settle(round);
                    } catch (RuntimeException e) { // rows stay claimed until the lease ends, then go again
                        log.warn("outbox confirms not recorded, the rows go again after their lease: {}", e.toString());
                    } finally {
                        inFlight.release();
                    }
                });
                settling = true;
            } else {
                settle(round);
            }
            return rows.size();
        } finally {
            if (!settling) {
                inFlight.release();
            }
        }
    }

    /** Rows handed over and never published go back to the poll now, not when their lease ends. */
    private void releaseHandedOver() {
        List<String> left = new ArrayList<>();
        OutboxMessage message;
        while ((message = handedOver.poll()) != null) {
            left.add(message.messageId());
        }
        try {
            transactions.executeWithoutResult(status -> outbox.releaseClaims(left));
        } catch (RuntimeException e) {
            log.warn("{} outbox rows stay claimed until their lease ends: {}", left.size(), e.toString());
        }
    }

    /** Up to a batch of the rows handed over (their id is not known here: rows are marked by message id). */
    private List<OutboxRow> takeHandedOver() {
        List<OutboxRow> rows = new ArrayList<>();
        OutboxMessage message;
        while (rows.size() < settings.batchSize() && (message = handedOver.poll()) != null) {
            rows.add(new OutboxRow(-1, 0, message));
        }
        return rows;
    }

    private Round publish(List<OutboxRow> rows) {
        List<CompletableFuture<Confirmation>> confirms = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            OutboxMessage message = row.message();
            confirms.add(publisher.publish(message.exchange(), message.routingKey(), properties(message),
                    message.body().getBytes(StandardCharsets.UTF_8)));
        }
        return new Round(rows, confirms, clock.instant().plus(settings.confirmTimeout()));
    }

    /** Waits for a round's confirms, marks the confirmed rows sent and retries or parks the rest. */
    private void settle(Round round) {
        List<String> sent = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        List<OutboxRow> failed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < round.rows().size(); i++) {
            OutboxRow row = round.rows().get(i);
            String failure = failureOf(round.confirms().get(i), round.deadline());
            if (failure == null) {
                sent.add(row.message().messageId());
                metrics.outboxPublished(row.message());
                if (row.message().isPackage()) {
                    packages.add(row.message().messageId());
                }
            } else {
                failed.add(row);
                reasons.add(failure);
            }
        }
        Instant confirmedAt = clock.instant();
        List<OutboxRepository.ConfirmedPackage> confirmed = transactions.execute(status -> {
            outbox.markSent(sent, confirmedAt);
            return outbox.markPackagesConfirmed(packages, confirmedAt);
        });
        confirmed.forEach(pkg -> metrics.packageConfirmed(pkg, confirmedAt));
        for (int i = 0; i < failed.size(); i++) {
            retryOrPark(failed.get(i), reasons.get(i));
        }
    }

    private String failureOf(CompletableFuture<Confirmation> confirm, Instant deadline) {
        try {
            long wait = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
            return confirm.get(wait, TimeUnit.MILLISECONDS).failure();
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
                            properties(row.message()), "outbox", row.message().messageId(),
                            "PUBLISH_FAILED", "", failure, attempt));
                    transactions.executeWithoutResult(s -> outbox.markParked(row.message().messageId(), failure, clock.instant()));
                    metrics.parked("PUBLISH_FAILED");
                } catch (RuntimeException parkFailed) {
                    transactions.executeWithoutResult(s -> outbox.markFailed(row.message().messageId(),
                            failure + "; parking failed too: " + parkFailed.getMessage(),
                            clock.instant().plus(settings.maxBackoff())));
                }
                return;
            }
            Duration backoff = backoff(attempt);
            log.warn("outbox message {} not published (attempt {}), retrying in {}: {}", row.message().messageId(),
                    attempt, backoff, failure);
            transactions.executeWithoutResult(s -> outbox.markFailed(row.message().messageId(), failure, clock.instant().plus(backoff)));
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

    /** The message's AMQP properties: ids, content type and type, persistent, and no headers. */
    static AMQP.BasicProperties properties(OutboxMessage message) {
        return new AMQP.BasicProperties.Builder()
                .messageId(message.messageId())
                .correlationId(message.correlationId())
                .contentType("application/cloudevents+json")
                .contentEncoding("utf-8")
                .type(message.type())
                .deliveryMode(2)
                .build();
    }
}
