package io.billwright.messaging.partition;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import io.billwright.messaging.observability.ThrottledWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Spreads the partitions over the live instances. Every interval it records this instance's heartbeat,
 * computes the partitions it owns ({@link PartitionPlan}), and gives away each partition it does not own
 * but has been consuming since the last look. Because every instance subscribes to every partition, a
 * partition whose owner dies is taken over by the broker at once; the plan only restores the balance.
 */
public final class PartitionBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PartitionBalancer.class);

    private final PartitionMembership membership;
    private final PartitionConsumers consumers;
    private final PartitionActivity activity;
    private final IntFunction<String> queueOf;
    private final Duration interval;
    private final long[] seen;
    private ScheduledExecutorService timer;
    private volatile Set<Integer> owned = Set.of();
    private volatile List<String> members = List.of();
    private volatile boolean running;
    private final ThrottledWarning outage = new ThrottledWarning(log, "this instance's heartbeat",
            Duration.ofSeconds(30));

    public PartitionBalancer(PartitionMembership membership, PartitionConsumers consumers, PartitionActivity activity,
                             IntFunction<String> queueOf, Duration interval) {
        this.membership = membership;
        this.consumers = consumers;
        this.activity = activity;
        this.queueOf = queueOf;
        this.interval = interval;
        this.seen = new long[consumers.partitions()];
    }

    /** One round: heartbeat, plan, give away what another instance owns. */
    void balance() {
        List<String> live;
        try {
            live = membership.heartbeat();
            outage.succeeded();
        } catch (RuntimeException e) {
            outage.failed(e); // the partitions stay as they are meanwhile
            return;
        }
        Set<Integer> plan = PartitionPlan.owned(consumers.partitions(), live, membership.instanceId());
        if (!plan.equals(owned) || !live.equals(members)) {
            log.info("instances {}: this one ({}) owns partitions {}", live, membership.instanceId(), plan);
        }
        owned = plan;
        members = live;
        for (int p = 0; p < consumers.partitions() && running; p++) {
            long count = activity.count(queueOf.apply(p));
            boolean consuming = count != seen[p];
            seen[p] = count;
            if (consuming && !plan.contains(p)) {
                // closes the partition's connection and returns at once; its consumer subscribes again later
                consumers.yieldPartition(p);
            }
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The partitions this instance owns by the last plan. */
    public Set<Integer> owned() {
        return owned;
    }

    /** The live instances by the last heartbeat. */
    public List<String> members() {
        return members;
    }

    @Override
    public synchronized void start() {
        running = true;
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "partition-balancer"));
        timer.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("balancing the partitions failed: {}", e.toString());
                }
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(interval.toMillis() * 2 + 30_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            membership.leave();
        } catch (RuntimeException e) {
            log.info("could not leave the membership ({}); it expires by itself", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the consumers start, before they stop: a round never yields a partition of a stopping service. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }
}
