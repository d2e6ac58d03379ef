package io.billwright.messaging.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health check that never makes the health endpoint wait. A thread of its own runs the check every
 * {@code every}; {@link #health()} answers at once with the latest result, or DOWN when the check has not
 * come back for {@code stale} (a database that does not answer leaves the check hanging in a connection
 * attempt, and the endpoint still answers within a second). Failures are reported without stack traces.
 */
public final class BackgroundHealth implements HealthIndicator, AutoCloseable {

    private final String what;
    private final Callable<Health> check;
    private final Duration stale;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private volatile Health latest;
    private volatile Instant checkedAt;

    /**
     * @param what  what is checked, for the details ("database")
     * @param check answers UP with details, or throws
     */
    public BackgroundHealth(String what, Callable<Health> check, Duration every, Duration stale, Clock clock) {
        this.what = what;
        this.check = check;
        this.stale = stale;
        this.clock = clock;
        this.latest = Health.unknown().withDetail("reason", "not checked yet").build();
        this.checkedAt = clock.instant();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "health-" + what);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void refresh() {
        Health result;
        try {
            result = check.call();
        } catch (Exception e) {
            result = Health.down().withDetail("error", ThrottledWarning.describe(e)).build();
        }
        latest = result;
        checkedAt = clock.instant();
    }

    @Override
    public Health health() {
        Duration age = Duration.between(checkedAt, clock.instant());
        if (age.compareTo(stale) > 0) {
            return Health.down().withDetail("error", "the " + what + " has not answered for " + age.toMillis()
                    + " ms").build();
        }
        return latest;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
