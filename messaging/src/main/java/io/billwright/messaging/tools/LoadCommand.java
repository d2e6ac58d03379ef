package io.billwright.messaging.tools;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.events.EventType;
import io.billwright.events.PartitionKey;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load benchmark. Publishes generated contracts, time entries and period closes to a running
 * service, waits for every package, and reports events per second and the latency from publishing a
 * period close to its package arriving on the ERP exchange. In the same run it measures a no-op relay
 * (consume, publish with confirms, ack after the confirm) on the same broker: the ceiling.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Measure the running service: events/s and close-to-package latency, beside a no-op relay.")
final class LoadCommand implements Callable<Integer> {

    private static final int ENTRIES_PER_MONTH = 9;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--events", defaultValue = "20000", description = "About how many events to publish (default 20000)")
    int events;

    @Option(names = "--contracts", defaultValue = "200", description = "Contracts to spread them over (default 200)")
    int contracts;

    @Option(names = "--rate", defaultValue = "0", description = "Events per second to publish at (0: as fast as possible)")
    int rate;

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait for every package (default 600)")
    int timeoutSeconds;

    @Option(names = "--no-baseline", description = "Skip the no-op relay measurement")
    boolean noBaseline;

    @Option(names = "--reload-file", paramLabel = "FILE", description = "A DRL file in the service's rule folder:"
            + " while the load runs, change a comment in it and reload the rule set every --reload-every")
    java.nio.file.Path reloadFile;

    @Option(names = "--deploy", paramLabel = "VERSION", split = ",", description = "Release versions in the"
            + " service's releases folder: while the load runs, deploy the next of them every --reload-every")
    java.util.List<String> deployVersions;

    @Option(names = "--reload-every", defaultValue = "2", description = "Seconds between reloads or deploys (default 2)")
    int reloadEverySeconds;

    @Option(names = "--admin-url", defaultValue = "http://localhost:8080", description = "The service's HTTP address")
    String adminUrl;

    @Option(names = "--admin-user", defaultValue = "${env:BILLWRIGHT_ADMIN_USERNAME}", description = "Admin user"
            + " (default: $BILLWRIGHT_ADMIN_USERNAME)")
    String adminUser;

    @Option(names = "--admin-password", defaultValue = "${env:BILLWRIGHT_ADMIN_PASSWORD}", description = "Admin"
            + " password (default: $BILLWRIGHT_ADMIN_PASSWORD)")
    String adminPassword;

    @Option(names = "--month-end", paramLabel = "ITEMS", defaultValue = "0", description = "Month end instead:"
            + " give each of --contracts contracts ITEMS approved entries, wait until they are applied, then close"
            + " every contract at once and report the time until the last package arrived")
    int monthEndItems;

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public Integer call() throws Exception {
        if (monthEndItems > 0) {
            return monthEnd();
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        int months = Math.max(1, (events - contracts) / (contracts * (ENTRIES_PER_MONTH + 1)));
        List<Event> plan = plan(run, months);
        int expectedPackages = contracts * months;
        System.out.printf("run %s: %d events (%d contracts x %d months), %d packages expected, rate %s%n", run,
                plan.size(), contracts, months, expectedPackages, rate == 0 ? "unlimited" : rate + "/s");

        Map<String, Long> closePublished = new ConcurrentHashMap<>();
        Map<String, Long> packageLatency = new ConcurrentHashMap<>();
        AtomicLong lastArrival = new AtomicLong();
        try (Connection connection = broker.connect("billwright-load")) {
            OutboundTap.open(connection.createChannel(), broker.topology(), copy -> {
                if (!copy.exchange().endsWith(".erp")) {
                    return;
                }
                String correlation = json.readTree(copy.body()).path("correlationid").asString("");
                Long published = closePublished.get(correlation);
                if (published != null && packageLatency.putIfAbsent(copy.messageId(), copy.arrivedNanos() - published) == null) {
                    lastArrival.set(copy.arrivedNanos());
                }
            });
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            AtomicLong sent = new AtomicLong();
            boolean probing = reloadFile != null || (deployVersions != null && !deployVersions.isEmpty());
            ReloadProbe probe = !probing ? null : new ReloadProbe(new ReloadProbe.Settings(adminUrl, adminUser,
                    adminPassword, reloadFile, deployVersions == null ? java.util.List.of() : deployVersions,
                    java.time.Duration.ofSeconds(reloadEverySeconds)), connection, broker.topology().inboundQueues(),
                    sent::get);
            long start = System.nanoTime();
            for (int i = 0; i < plan.size(); i++) {
                Event event = plan.get(i);
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                if (event.close()) {
                    closePublished.put(event.correlationId(), System.nanoTime());
                }
                AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC.builder().messageId(event.id())
                        .contentType("application/cloudevents+json")
                        .headers(java.util.Map.of(PartitionKey.HEADER, event.contractId())).build();
                channel.basicPublish(broker.topology().inboundExchange(), event.routingKey(), true, properties,
                        event.body().getBytes(StandardCharsets.UTF_8));
                sent.incrementAndGet();
                if (i % 200 == 199) {
                    channel.waitForConfirmsOrDie(30_000);
                }
            }
            channel.waitForConfirmsOrDie(30_000);
            long published = System.nanoTime();
            long deadline = published + timeoutSeconds * 1_000_000_000L;
            // done when every inbound event has been taken (the queues are empty) and every package has
            // come, or nothing has come for five seconds with the queues empty
            long emptySince = 0;
            while (System.nanoTime() < deadline) {
                if (inboundEmpty(channel)) {
                    emptySince = emptySince == 0 ? System.nanoTime() : emptySince;
                    long quietFor = System.nanoTime() - Math.max(published, lastArrival.get());
                    if (packageLatency.size() >= expectedPackages || quietFor > 5_000_000_000L) {
                        break;
                    }
                } else {
                    emptySince = 0;
                }
                Thread.sleep(20);
            }
            long finished = Math.max(lastArrival.get(), emptySince == 0 ? System.nanoTime() : emptySince);
            report(plan.size(), start, published, finished, expectedPackages, packageLatency);
            if (probe != null) {
                probe.report(start, emptySince == 0 ? finished : emptySince);
                probe.close();
            }
        }
        if (!noBaseline) {
            double ceiling = new NoOpRelay(broker).measure(Math.min(plan.size(), 20_000));
            System.out.printf("no-op relay (consume, publish with confirms, ack after confirm): %.0f msg/s%n", ceiling);
        }
        return 0;
    }

    /**
     * The month-end burst: every contract's items are applied first, then all the closes go out at once;
     * the figure is the time from the first close published to the last package arrived.
     */
    private int monthEnd() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Event> plan = plan(run, 1);
        List<Event> items = new ArrayList<>();
        List<Event> closes = new ArrayList<>();
        for (Event event : plan) {
            (event.close() ? closes : items).add(event);
        }
        // the plan has ENTRIES_PER_MONTH entries a month: repeat them under new ids up to the ITEMS asked for
        List<Event> entries = new ArrayList<>(items);
        for (int copy = 1; entries.size() < contracts * (1 + monthEndItems); copy++) {
            for (Event event : items) {
                if (event.routingKey().startsWith("timeentry") && entries.size() < contracts * (1 + monthEndItems)) {
                    entries.add(new Event(event.id() + "-" + copy, event.routingKey(), event.id() + "-" + copy,
                            event.contractId(), event.body().replace(event.id(), event.id() + "-" + copy)
                            .replace("\"id\":\"TE-", "\"id\":\"TE-" + copy + "-"), false));
                }
            }
        }
        System.out.printf("month end %s: %d contracts, %d items each, then %d closes at once%n", run, contracts,
                monthEndItems, closes.size());
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        try (Connection connection = broker.connect("billwright-load")) {
            OutboundTap.open(connection.createChannel(), broker.topology(), copy -> {
                if (copy.exchange().endsWith(".erp")) {
                    arrived.putIfAbsent(copy.messageId(), copy.arrivedNanos());
                }
            });
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            long loading = System.nanoTime();
            publishAll(channel, entries);
            while (!inboundEmpty(channel)) {
                Thread.sleep(50);
            }
            Thread.sleep(2_000); // the last batches commit
            System.out.printf("%d items applied in %.1f s%n", entries.size(), (System.nanoTime() - loading) / 1e9);
            long start = System.nanoTime();
            publishAll(channel, closes);
            long deadline = start + timeoutSeconds * 1_000_000_000L;
            while (arrived.size() < closes.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long last = arrived.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
            System.out.printf("%d of %d packages arrived; the last %.2f s after the first close was published%n",
                    arrived.size(), closes.size(), (last - start) / 1e9);
        }
        return 0;
    }

    private void publishAll(Channel channel, List<Event> events) throws Exception {
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC.builder().messageId(event.id())
                    .contentType("application/cloudevents+json")
                    .headers(java.util.Map.of(PartitionKey.HEADER, event.contractId())).build();
            channel.basicPublish(broker.topology().inboundExchange(), event.routingKey(), true, properties,
                    event.body().getBytes(StandardCharsets.UTF_8));
            if (i % 200 == 199) {
                channel.waitForConfirmsOrDie(30_000);
            }
        }
        channel.waitForConfirmsOrDie(30_000);
    }

    private boolean inboundEmpty(Channel channel) throws java.io.IOException {
        for (String queue : broker.topology().inboundQueues()) {
            if (channel.queueDeclarePassive(queue).getMessageCount() > 0) {
                return false;
            }
        }
        return true;
    }

    private static void report(int events, long start, long published, long finished, int expected,
                               Map<String, Long> latency) {
        List<Long> sorted = new ArrayList<>(latency.values());
        sorted.sort(null);
        double seconds = (Math.max(finished, published) - start) / 1e9;
        System.out.printf("published %d events in %.2f s; %d of %d packages arrived%n", events,
                (published - start) / 1e9, sorted.size(), expected);
        System.out.printf("end to end: %.0f events/s (first publish until every event was taken and the last"
                + " package came, %.2f s)%n", events / seconds, seconds);
        if (!sorted.isEmpty()) {
            System.out.printf("close -> package latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
        }
        if (sorted.size() < expected) {
            System.out.println("note: " + (expected - sorted.size()) + " closes overtook all of their month's entries"
                    + " (billed with the next month) or did not arrive before the timeout");
        }
    }

    private static double pct(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    /** One event to publish. */
    private record Event(String id, String routingKey, String correlationId, String contractId, String body,
                         boolean close) {
    }

    private List<Event> plan(String run, int months) {
        ErpTarget[] targets = ErpTarget.values();
        List<Event> plan = new ArrayList<>();
        for (int c = 0; c < contracts; c++) {
            String contract = "LOAD-" + run + "-" + c;
            plan.add(event(run, EventType.CONTRACT_RECEIVED, contract + "-v1", """
                    {"id":"%s","version":1,"status":"APPROVED","effectiveFrom":"2026-01-01","currency":"EUR",\
                    "billingModel":"TIME_AND_MATERIALS","customer":{"id":"CUST-%d","name":"Customer %d","country":"DE",\
                    "taxId":"DE123456789"},"seller":{"id":"BW-DE","country":"DE"},\
                    "rateCard":{"CONSULTANT":"110.00","SENIOR":"160.00"},\
                    "retention":{"percent":"5","cap":"1000000.00","taxPoint":"AT_INVOICE"},"erpTarget":"%s"}"""
                    .formatted(contract, c, c, targets[c % targets.length].name()), false));
        }
        // each month's closes go out after the next month's entries, as they did before the inbound queues
        // were partitioned (when that kept a backlog of entries from overtaking its close), so the figures
        // stay comparable with earlier sessions
        for (int m = 0; m <= months; m++) {
            if (m < months) {
                LocalDate first = LocalDate.of(2026, 1, 1).plusMonths(m);
                for (int e = 0; e < ENTRIES_PER_MONTH; e++) {
                    for (int c = 0; c < contracts; c++) {
                        String contract = "LOAD-" + run + "-" + c;
                        String entry = "TE-" + m + "-" + e;
                        plan.add(event(run, EventType.TIME_ENTRY_RECORDED, contract + "-" + entry, """
                                {"contractId":"%s","timeEntry":{"id":"%s","person":"p%d","role":"%s","date":"%s",\
                                "hours":"%s","status":"APPROVED"}}""".formatted(contract, entry, e,
                                e % 3 == 0 ? "SENIOR" : "CONSULTANT", first.plusDays(e), e % 2 == 0 ? "8" : "7.5"),
                                false));
                    }
                }
            }
            if (m > 0) {
                LocalDate first = LocalDate.of(2026, 1, 1).plusMonths(m - 1);
                for (int c = 0; c < contracts; c++) {
                    String contract = "LOAD-" + run + "-" + c;
                    plan.add(event(run, EventType.PERIOD_CLOSED, contract + "-close-" + (m - 1), """
                            {"contractId":"%s","period":{"id":"%s","start":"%s","end":"%s"}}""".formatted(contract,
                            first.toString().substring(0, 7), first, first.plusMonths(1).minusDays(1)), true));
                }
            }
        }
        return plan;
    }

    private static Event event(String run, EventType type, String key, String data, boolean close) {
        String id = "load-" + run + "-" + key;
        String body = """
                {"specversion":"1.0","id":"%s","source":"/load","type":"%s","datacontenttype":"application/json",\
                "correlationid":"%s","data":%s}""".formatted(id, type.type(), id, data);
        return new Event(id, type.routingKey(), id, PartitionKey.of(body.getBytes(StandardCharsets.UTF_8)), body,
                close);
    }
}
