package io.billwright.messaging.service;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings ({@code billwright.*}, or {@code BILLWRIGHT_*} in the environment). They
 * become plain records at the edge; nothing past the configuration sees Spring properties.
 *
 * @param namespace       prefix of every exchange and queue
 * @param partitions      the inbound partition queues and how instances share them
 * @param prefetch        unacknowledged messages per partition consumer
 * @param batchSize       messages a consumer applies in one transaction (at most; a batch is whatever has
 *                        arrived within {@code batchWait})
 * @param batchWait       how long a consumer waits for the next message of a batch before applying what
 *                        it has: the latency a message may spend waiting for company when queues are short
 * @param maxMessageBytes a larger inbound body is parked as OVERSIZE
 * @param rules           where the rule set comes from, and how it is reloaded
 * @param admin           the admin endpoints' credentials ({@code BILLWRIGHT_ADMIN_USERNAME},
 *                        {@code BILLWRIGHT_ADMIN_PASSWORD}); none built in: without both the endpoints refuse
 *                        every call
 */
@ConfigurationProperties("billwright")
public record BillwrightProperties(@DefaultValue("billwright") String namespace,
                                   @DefaultValue Partitions partitions,
                                   @DefaultValue("20") int prefetch,
                                   @DefaultValue("20") int batchSize,
                                   @DefaultValue("10ms") Duration batchWait,
                                   @DefaultValue("1048576") int maxMessageBytes,
                                   @DefaultValue Retry retry,
                                   @DefaultValue Relay relay,
                                   @DefaultValue Rules rules,
                                   @DefaultValue Admin admin,
                                   @DefaultValue Operations operations) {

    /**
     * Finance operations ({@code /ops}). {@code users} are the people who sign in to the operations page,
     * each {@code name:password:role} with role {@code viewer} (read, ask for a release or write-off) or
     * {@code admin} (also approve, replay, resend, deploy rules); the admin credentials are an admin too. A
     * package with no word from the ERP {@code unacknowledgedAfter} after the broker confirmed it is reported
     * unacknowledged; the business gauges are read every {@code gaugeRefresh}; a list or replay of parked
     * messages looks at {@code deadLetterBrowseLimit} of them at most; the dead-letter depth by reason is read
     * by browsing the parked messages, when their number changed and at most every {@code deadLetterReasonsEvery}.
     */
    public record Operations(@DefaultValue List<String> users,
                             @DefaultValue("24h") Duration unacknowledgedAfter,
                             @DefaultValue("30s") Duration gaugeRefresh,
                             @DefaultValue("10000") int deadLetterBrowseLimit,
                             @DefaultValue("5m") Duration deadLetterReasonsEvery) {
    }

    /**
     * The rule set (ADR 0010). In production: signed releases, deployed from {@code releases} (by version)
     * or the Maven repository {@code mavenRepository} (by coordinates), signed by a key in
     * {@code trustedKeys}; the packaged default serves until the first deploy, and a restart comes back on
     * the release that was live ({@code startOnPackaged} overrides that), and every {@code followEvery} each
     * instance loads what another instance's deploy or rollback put live. Every {@code stageEvery} the
     * releases folder is scanned, and each new release is verified and built in the background (the newest
     * {@code staged} are kept), so its deploy only swaps. {@code evaluationTimeLimit} bounds
     * one rule evaluation (past it, the item is held with RULE_TIMEOUT); {@code verifyHeap} and
     * {@code verifyScenarioLimit} bound the JVM that {@code deploy?verify=true} runs scenarios in.
     *
     * <p>Development mode ({@code development=true}, an analyst's machine): a rule folder {@code directory}
     * (its scenarios under {@code scenarios/} unless set) is compiled in this JVM on reload, or by itself
     * once quiet for {@code quietPeriod} with {@code watch}; warmed up {@code warmUps} times after start.
     * {@code keep} versions stay for rollback.
     */
    public record Rules(java.nio.file.Path directory, java.nio.file.Path scenarios,
                        @DefaultValue("false") boolean development,
                        @DefaultValue("false") boolean watch,
                        @DefaultValue("2s") Duration quietPeriod,
                        @DefaultValue("5") int keep,
                        @DefaultValue("4") int warmUps,
                        java.nio.file.Path releases,
                        java.nio.file.Path mavenRepository,
                        java.nio.file.Path trustedKeys,
                        @DefaultValue("2s") Duration evaluationTimeLimit,
                        @DefaultValue("256") int verifyHeap,
                        @DefaultValue("20s") Duration verifyScenarioLimit,
                        @DefaultValue("false") boolean startOnPackaged,
                        @DefaultValue("2s") Duration followEvery,
                        @DefaultValue("8") int staged,
                        @DefaultValue("5s") Duration stageEvery) {
    }

    /** Credentials for {@code /admin/**} (HTTP Basic). */
    public record Admin(String username, String password) {
        public boolean enabled() {
            return username != null && !username.isBlank() && password != null && !password.isEmpty();
        }
    }

    /**
     * The inbound partitions (ADR 0009). {@code count} must be the same for every instance of a deployment
     * (changing it moves contracts between partitions: drain the inbound queues first). Each instance
     * beats every {@code heartbeat} in the database; one silent for {@code expiry} has left, and the others
     * take its partitions over. {@code instanceId} names this instance (by default host, process and a
     * random suffix).
     */
    public record Partitions(@DefaultValue("8") int count,
                             @DefaultValue("2s") Duration heartbeat,
                             @DefaultValue("10s") Duration expiry,
                             String instanceId) {
    }

    /**
     * Retries of a transient failure (the database unreachable) while processing an inbound message: for as
     * long as it lasts, with backoff, one warning per {@code warnEvery}; the partition waits meanwhile. A
     * message redelivered more than {@code maxDeliveries} times is parked.
     */
    public record Retry(@DefaultValue("200ms") Duration initialBackoff,
                        @DefaultValue("10s") Duration maxBackoff,
                        @DefaultValue("30s") Duration warnEvery,
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
