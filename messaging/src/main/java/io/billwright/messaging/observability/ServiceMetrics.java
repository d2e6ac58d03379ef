package io.billwright.messaging.observability;

import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.messaging.outbox.OutboxMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The service's meters: messages consumed by type, decisions by status and reason, packages published
 * by ERP target, messages parked by reason, and the processing latency per message.
 */
public final class ServiceMetrics {

    private final MeterRegistry registry;
    private final Timer processing;
    private final Counter outboxRetries;

    public ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.processing = Timer.builder("billwright.processing.latency")
                .description("From delivery to commit, per inbound message")
                .publishPercentileHistogram()
                .register(registry);
        this.outboxRetries = Counter.builder("billwright.outbox.retries")
                .description("Outbox publishes not confirmed, to be retried").register(registry);
    }

    public void consumed(String type, String outcome) {
        Counter.builder("billwright.messages.consumed").description("Inbound messages by type and outcome")
                .tag("type", type).tag("outcome", outcome).register(registry).increment();
    }

    public void decided(Decision decision) {
        Counter.builder("billwright.decisions").description("Decisions by status and reason")
                .tag("status", decision.status().name())
                .tag("reason", decision.reason() == null ? "none" : decision.reason().name())
                .register(registry).increment();
        boolean exception = decision.status() == DecisionStatus.HELD || decision.status() == DecisionStatus.REJECTED;
        if (exception) {
            // the rule behind the hold or rejection: the last its receipt names (the engine's own included), passing
            // over the engine's precedence, which says only that the hold outranked a charge
            String rule = io.billwright.engine.ruleset.EngineRule.ruleBehind(decision.receipt().rules());
            Counter.builder("billwright.exceptions").description("Held and rejected items by reason and by the rule behind them")
                    .tag("status", decision.status().name())
                    .tag("reason", decision.reason() == null ? "none" : decision.reason().name())
                    .tag("rule", rule == null ? "none" : rule)
                    .register(registry).increment();
        }
    }

    public void outboxPublished(OutboxMessage message) {
        if (!message.type().startsWith("io.billwright.decision.")) {
            // invoices and credit notes alike go to the ERP exchange; the document tells them apart
            Counter.builder("billwright.packages.published")
                    .description("Packages confirmed by the broker, by ERP target and document (invoice, credit note)")
                    .tag("erp", message.routingKey())
                    .tag("document", message.type().startsWith("io.billwright.creditnote.") ? "credit_note" : "invoice")
                    .register(registry).increment();
        } else {
            Counter.builder("billwright.exceptions.published").description("Held and rejected items published")
                    .register(registry).increment();
        }
    }

    /** An acknowledgement recorded, by outcome ({@code POSTED}, {@code REJECTED}). */
    public void acknowledged(String outcome) {
        Counter.builder("billwright.erp.acknowledgements").description("ERP acknowledgements recorded, by outcome")
                .tag("outcome", outcome.toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
    }

    /**
     * A package the broker confirmed for the first time: approval-to-ERP latency (from its oldest item's
     * approval event), close-to-package latency (from the event that triggered it, a period close say), and
     * its amount by ERP and currency.
     */
    public void packageConfirmed(io.billwright.messaging.outbox.OutboxRepository.ConfirmedPackage pkg,
                                 java.time.Instant confirmedAt) {
        String erp = pkg.erpTarget().toLowerCase(java.util.Locale.ROOT);
        String document = pkg.creditNote() ? "credit_note" : "invoice";
        if (pkg.approvedAt() != null) {
            Timer.builder("billwright.approval.to.erp")
                    .description("From the approval event of a package's oldest item to the broker's confirm of the package")
                    .tag("erp", erp).publishPercentileHistogram().register(registry)
                    .record(nonNegative(Duration.between(pkg.approvedAt(), confirmedAt)));
        }
        if (pkg.triggeredAt() != null) {
            Timer.builder("billwright.close.to.package")
                    .description("From the event that triggered a package (a period close, an acceptance) to its broker confirm")
                    .tag("erp", erp).publishPercentileHistogram().register(registry)
                    .record(nonNegative(Duration.between(pkg.triggeredAt(), confirmedAt)));
        }
        Counter.builder("billwright.packages.amount")
                .description("Amount due of the packages confirmed by the broker, by ERP, currency and document (credit notes as positive amounts)")
                .tag("erp", erp).tag("currency", pkg.currency()).tag("document", document)
                .register(registry).increment(pkg.amountDue().abs().doubleValue());
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    public void outboxRetried() {
        outboxRetries.increment();
    }

    public void retried() {
        Counter.builder("billwright.messages.retried").description("Transient failures retried while processing")
                .register(registry).increment();
    }

    public void parked(String reason) {
        Counter.builder("billwright.messages.parked").description("Messages parked on the dead-letter queue, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** The outbox's backlog, read when the meters are scraped. */
    public void watchOutbox(java.util.function.Supplier<Number> pending, java.util.function.Supplier<Number> oldestSeconds) {
        io.micrometer.core.instrument.Gauge.builder("billwright.outbox.pending", () -> pending.get())
                .description("Outbox rows neither sent nor parked").register(registry);
        io.micrometer.core.instrument.Gauge.builder("billwright.outbox.oldest.age", () -> oldestSeconds.get())
                .description("Seconds since the oldest unsent outbox row was written").baseUnit("seconds")
                .register(registry);
    }

    public void processed(Duration elapsed) {
        processing.record(elapsed);
    }
}
