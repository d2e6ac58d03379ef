package io.billwright.messaging.rulesets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages the newest releases copied into the releases folder: verifies each and builds its knowledge base
 * in the background, one at a time, so that its deploy only swaps. Staging changes nothing that
 * serves and is not an attempt to deploy: a release it cannot verify is logged once, and its deploy
 * is refused (and audited) with the same reason.
 */
public final class ReleaseStager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReleaseStager.class);

    private final RuleSetLibrary library;
    private final Path folder;
    private final Map<Path, FileTime> seen = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "release-stager");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    private final int capacity;

    /** @param capacity how many releases the library keeps staged: only the newest that many are staged */
    public ReleaseStager(RuleSetLibrary library, Path folder, Duration every, int capacity) {
        this.library = library;
        this.folder = folder;
        this.capacity = capacity;
        timer.scheduleWithFixedDelay(this::scan, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void scan() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            // the newest `capacity` jars, oldest of them first, so the newest is staged last and kept longest
            List<Path> newestFirst = files.filter(f -> f.toString().endsWith(".jar"))
                    .sorted((a, b) -> modified(b).compareTo(modified(a))).limit(capacity).toList();
            jars = new java.util.ArrayList<>(newestFirst);
            java.util.Collections.reverse(jars);
        } catch (IOException e) {
            log.warn("cannot list the releases in {}: {}", folder, e.toString());
            return;
        }
        for (Path jar : jars) {
            FileTime modified = modified(jar);
            if (modified.equals(seen.get(jar))) {
                continue;
            }
            seen.put(jar, modified);
            try {
                library.stage(jar);
            } catch (RuntimeException e) {
                log.warn("release {} cannot be staged: {}", jar, e.getMessage());
            }
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
