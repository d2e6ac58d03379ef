package io.billwright.messaging.rulesets;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every instance on one database serving the release that was deployed last: a deploy or rollback
 * reaches one instance through its admin endpoint, and the others read it from the audit trail within
 * {@code every} and load the same release (each verifies it itself). Each intended release is tried once
 * per instance; a refusal is audited with its reason, and the instance keeps serving what it had.
 */
public final class RuleSetFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuleSetFollower.class);

    private final RuleSetLibrary library;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rule-set-follower");
        thread.setDaemon(true);
        return thread;
    });

    public RuleSetFollower(RuleSetLibrary library, Duration every) {
        this.library = library;
        timer.scheduleWithFixedDelay(this::follow, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void follow() {
        try {
            library.followAuditTrail();
        } catch (RuntimeException e) {
            log.warn("could not read the rule-set audit trail to follow deploys: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
