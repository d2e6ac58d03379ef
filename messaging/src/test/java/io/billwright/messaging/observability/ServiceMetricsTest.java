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

    private static OutboxMessage message(String type, String routingKey) {
        return new OutboxMessage("id-" + type, "billwright.erp", routingKey, "corr-1", type, "{}");
    }
}
