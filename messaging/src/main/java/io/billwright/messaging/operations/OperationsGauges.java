package io.billwright.messaging.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business gauges, read from the database and the dead-letter queue every {@code every} rather than at
 * each scrape: held value by reason and currency, unacknowledged and rejected packages by ERP, and
 * dead-letter depth by reason. The parked messages are browsed for their reasons only when their number
 * changed, and at most every {@code reasonsEvery}.
 */
public final class OperationsGauges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OperationsGauges.class);

    private final OpenExceptions exceptions;
    private final ErpStatuses statuses;
    private final DeadLetters deadLetters;
    private final int browseLimit;
    private final Duration reasonsEvery;
    private final java.time.Clock clock;
    private java.time.Instant reasonsReadAt = java.time.Instant.MIN;
    private long depthAtReasons = -1;
    private final MultiGauge held;
    private final MultiGauge unacknowledged;
    private final MultiGauge rejected;
    private final MultiGauge parked;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "billwright-ops-gauges");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param reasonsEvery how often the parked messages are browsed for their reasons (the depth itself is read
     *                     at every refresh, without touching a message): a browse holds them for its duration
     */
    public OperationsGauges(MeterRegistry registry, OpenExceptions exceptions, ErpStatuses statuses,
                            DeadLetters deadLetters, int browseLimit, Duration reasonsEvery, java.time.Clock clock) {
        this.exceptions = exceptions;
        this.statuses = statuses;
        this.deadLetters = deadLetters;
        this.browseLimit = browseLimit;
        this.reasonsEvery = reasonsEvery;
        this.clock = clock;
        this.held = MultiGauge.builder("billwright.held.value")
                .description("Amount of the items held now, by reason and currency").register(registry);
        this.unacknowledged = MultiGauge.builder("billwright.packages.unacknowledged")
                .description("Packages confirmed by the broker with no word from the ERP past the configured time, by ERP")
                .register(registry);
        this.rejected = MultiGauge.builder("billwright.packages.rejected")
                .description("Packages the ERP rejected and nobody has resent yet, by ERP").register(registry);
        this.parked = MultiGauge.builder("billwright.dead.letter.depth")
                .description("Messages parked on the dead-letter queue now, by reason").register(registry);
    }

    public void start(Duration every) {
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.debug("operations gauges not refreshed: {}", e.toString());
        }
    }

    /** Reads every gauge now. */
    public void refresh() {
        List<MultiGauge.Row<?>> heldRows = new ArrayList<>();
        exceptions.heldValue().forEach((key, amount) ->
                heldRows.add(MultiGauge.Row.of(Tags.of("reason", key.get(0), "currency", key.get(1)), amount)));
        held.register(heldRows, true);
        List<MultiGauge.Row<?>> unacknowledgedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> rejectedRows = new ArrayList<>();
        statuses.counts().forEach((key, count) -> (key.get(0).equals("rejected") ? rejectedRows : unacknowledgedRows)
                .add(MultiGauge.Row.of(Tags.of("erp", key.get(1)), count)));
        unacknowledged.register(unacknowledgedRows, true);
        rejected.register(rejectedRows, true);
        long depth = deadLetters.depth();
        java.time.Instant now = clock.instant();
        boolean due = depth == 0 || (depth != depthAtReasons && !now.isBefore(reasonsReadAt.plus(reasonsEvery)));
        if (due) {
            Map<String, Long> byReason = new TreeMap<>();
            if (depth > 0) {
                deadLetters.list(browseLimit).forEach(m -> byReason.merge(m.reason().isEmpty() ? "none" : m.reason(), 1L,
                        Long::sum));
            }
            List<MultiGauge.Row<?>> parkedRows = new ArrayList<>();
            byReason.forEach((reason, count) -> parkedRows.add(MultiGauge.Row.of(Tags.of("reason", reason), count)));
            parked.register(parkedRows, true);
            reasonsReadAt = now;
            depthAtReasons = depth;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
