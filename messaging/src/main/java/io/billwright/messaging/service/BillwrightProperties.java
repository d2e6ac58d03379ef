package io.billwright.messaging.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings ({@code billwright.*}, or {@code BILLWRIGHT_*} in the environment). They
 * become plain records at the edge; nothing past the configuration sees Spring properties.
 *
 * @param namespace       prefix of every exchange and queue
 * @param consumers       concurrent consumers over the inbound queues
 * @param prefetch        unacknowledged messages per consumer
 * @param batchSize       messages a consumer applies in one transaction (at most; a batch is whatever has
 *                        arrived within {@code batchWait})
 * @param batchWait       how long a consumer waits for the next message of a batch before applying what
 *                        it has: the latency a message may spend waiting for company when queues are short
 * @param closeConsumers  concurrent consumers of the period-close queue
 * @param closeBatchSize  period closes a consumer applies in one transaction (at most): small, because a
 *                        close is the message whose package an ERP waits for
 * @param maxMessageBytes a larger inbound body is parked as OVERSIZE
 */
@ConfigurationProperties("billwright")
public record BillwrightProperties(@DefaultValue("billwright") String namespace,
                                   @DefaultValue("4") int consumers,
                                   @DefaultValue("20") int prefetch,
                                   @DefaultValue("20") int batchSize,
                                   @DefaultValue("10ms") Duration batchWait,
                                   @DefaultValue("4") int closeConsumers,
                                   @DefaultValue("4") int closeBatchSize,
                                   @DefaultValue("1048576") int maxMessageBytes,
                                   @DefaultValue Retry retry,
                                   @DefaultValue Relay relay) {

    /** Retries of a transient failure while processing an inbound message, then parking. */
    public record Retry(@DefaultValue("8") int maxAttempts,
                        @DefaultValue("200ms") Duration initialBackoff,
                        @DefaultValue("10s") Duration maxBackoff,
                        @DefaultValue("20") int maxDeliveries) {
    }

    /** The outbox relay. */
    public record Relay(@DefaultValue("200") int batchSize,
                        @DefaultValue("250ms") Duration pollInterval,
                        @DefaultValue("10s") Duration confirmTimeout,
                        @DefaultValue("500ms") Duration initialBackoff,
                        @DefaultValue("60s") Duration maxBackoff,
                        @DefaultValue("12") int maxAttempts) {
    }
}
