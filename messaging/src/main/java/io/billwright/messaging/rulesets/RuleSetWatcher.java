package io.billwright.messaging.rulesets;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reloads the rule folder by itself: after a change, once nothing more has changed for the quiet period.
 * An editor saving a file in several writes, or an analyst copying a release in, is therefore read only
 * when it is whole; and a candidate that fails a check is refused like any other.
 */
public final class RuleSetWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuleSetWatcher.class);

    private final RuleSetLibrary library;
    private final Path directory;
    private final Duration quietPeriod;
    private volatile WatchService watcher;
    private volatile Thread thread;

    public RuleSetWatcher(RuleSetLibrary library, Path directory, Duration quietPeriod) {
        this.library = library;
        this.directory = directory;
        this.quietPeriod = quietPeriod;
    }

    @Override
    public synchronized void start() {
        try {
            watcher = FileSystems.getDefault().newWatchService();
            registerAll(directory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch the rule folder " + directory + ": " + e.getMessage(), e);
        }
        thread = new Thread(this::watch, "rules-watcher");
        thread.setDaemon(true);
        thread.start();
        log.info("watching {} for rule changes (quiet period {})", directory, quietPeriod);
    }

    private void watch() {
        long dueAt = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long wait = dueAt == 0 ? 1_000 : Math.max(1, (dueAt - System.nanoTime()) / 1_000_000);
                WatchKey key = watcher.poll(wait, TimeUnit.MILLISECONDS);
                if (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        Path parent = (Path) key.watchable();
                        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path changed
                                && Files.isDirectory(parent.resolve(changed))) {
                            registerAll(parent.resolve(changed)); // a new folder: watch it too
                        }
                    }
                    key.reset();
                    dueAt = System.nanoTime() + quietPeriod.toNanos(); // quiet again from now
                } else if (dueAt != 0 && System.nanoTime() >= dueAt) {
                    dueAt = 0;
                    ReloadOutcome outcome = library.reload("watch");
                    log.info("rule folder changed: {} (serving {}, {} ms)", outcome.status(), outcome.serving(),
                            outcome.millis());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.error("the rule folder watcher stopped: {}", e.toString());
        }
    }

    private void registerAll(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.interrupt();
        }
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException ignored) {
            // closing on the way out
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
