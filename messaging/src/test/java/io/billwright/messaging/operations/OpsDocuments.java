package io.billwright.messaging.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names {@code docs/ops/}'s Grafana dashboard and Prometheus alert rules use. */
final class OpsDocuments {

    static final List<Path> FILES = List.of(Path.of("../docs/ops/grafana-dashboard.json"),
            Path.of("../docs/ops/prometheus-alerts.yml"));

    private static final Pattern NAME = Pattern.compile("\\bbillwright_[a-z0-9_]+");

    private OpsDocuments() {
    }

    static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (Path file : FILES) {
            try {
                Matcher matcher = NAME.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return names;
    }

    /** Whether the Prometheus scrape has a sample of {@code name} (with or without labels). */
    static boolean exposes(String scrape, String name) {
        return scrape.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }
}
