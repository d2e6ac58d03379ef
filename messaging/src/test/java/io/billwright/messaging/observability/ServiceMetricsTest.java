package io.billwright.messaging.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.messaging.outbox.OutboxMessage;
import io.billwright.messaging.processing.OutboundMessages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** What the publish meters count: invoices and credit notes as packages, by document; notices as exceptions. */
class ServiceMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ServiceMetrics metrics = new ServiceMetrics(registry);

    @Test
    void aCreditNoteIsAPackageNotAnException() {
        metrics.outboxPublished(message(OutboundMessages.PACKAGE_APPROVED, "netsuite"));
        metrics.outboxPublished(message(OutboundMessages.CREDIT_NOTE_APPROVED, "netsuite"));
        metrics.outboxPublished(message(OutboundMessages.DECISION_HELD, "held.cap_exceeded"));

        assertThat(registry.get("billwright.packages.published").tag("erp", "netsuite").tag("document", "invoice")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("billwright.packages.published").tag("document", "credit_note").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("billwright.exceptions.published").counter().count()).isEqualTo(1);
    }

    /** The engine's precedence only says a hold outranked a charge: the rule behind the hold is the one before. */
    @Test
    void exceptionsAreCountedByReasonAndByTheRuleBehindThem() {
        var currency = java.util.Currency.getInstance("EUR");
        var receipt = new io.billwright.engine.decision.Receipt("default@abc", java.util.List.of(
                "T&M: approved billable hours at the rate card rate", "T&M: the not-to-exceed cap holds what would exceed it",
                io.billwright.engine.ruleset.EngineRule.PRECEDENCE.ruleName()),
                1, java.util.List.of("msg-1"));
        metrics.decided(new io.billwright.engine.decision.Decision("TE-1#excess", io.billwright.engine.item.ItemKind.TIME,
                io.billwright.engine.decision.DecisionStatus.HELD, io.billwright.engine.decision.ReasonCode.CAP_EXCEEDED,
                "", new io.billwright.engine.money.Money(java.math.BigDecimal.TEN, currency), receipt));
        metrics.decided(new io.billwright.engine.decision.Decision("TE-2", io.billwright.engine.item.ItemKind.TIME,
                io.billwright.engine.decision.DecisionStatus.ELIGIBLE, null, "",
                new io.billwright.engine.money.Money(java.math.BigDecimal.TEN, currency), receipt));

        assertThat(registry.get("billwright.exceptions").tag("reason", "CAP_EXCEEDED")
                .tag("rule", "T&M: the not-to-exceed cap holds what would exceed it").counter().count()).isEqualTo(1);
        assertThat(registry.find("billwright.exceptions").counters()).as("an eligible item is no exception").hasSize(1);
    }

    private static OutboxMessage message(String type, String routingKey) {
        return new OutboxMessage("id-" + type, "billwright.erp", routingKey, "corr-1", type, "{}");
    }
}
