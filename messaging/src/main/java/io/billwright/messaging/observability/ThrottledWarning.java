package io.billwright.messaging.observability;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * One warning when a failure starts, at most one per interval while it lasts, and one line when it ends:
 * what an operator reads during a database or broker outage, instead of a line (or a stack trace) per
 * attempt. Not thread-safe: one per loop.
 */
public final class ThrottledWarning {

    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long failingSince = -1;
    private long lastWarning;
    private long failures;

    /** @param what the activity that fails, for the messages ("the outbox relay") */
    public ThrottledWarning(Logger log, String what, Duration interval) {
        this(log, what, interval, System::nanoTime);
    }

    ThrottledWarning(Logger log, String what, Duration interval, LongSupplier nanoTime) {
        this.log = log;
        this.what = what;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A failure: logged if it is the first, or the interval has passed since the last warning. */
    public void failed(Throwable cause) {
        long now = nanoTime.getAsLong();
        failures++;
        if (failingSince < 0) {
            failingSince = now;
            lastWarning = now;
            log.warn("{} fails: {}", what, describe(cause));
        } else if (now - lastWarning >= intervalNanos) {
            lastWarning = now;
            log.warn("{} still fails after {} attempts over {} s: {}", what, failures,
                    Duration.ofNanos(now - failingSince).toSeconds(), describe(cause));
        }
    }

    /** A success: ends a failure, if one was going on. */
    public void succeeded() {
        if (failingSince >= 0) {
            log.info("{} works again after {} failed attempts over {} s", what, failures,
                    Duration.ofNanos(nanoTime.getAsLong() - failingSince).toSeconds());
            failingSince = -1;
            failures = 0;
        }
    }

    /** The failure and its innermost cause, on one line, without the stack. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getClass().getSimpleName() + ": " + root;
    }
}
