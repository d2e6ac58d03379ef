package io.billwright.rules.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The scenario files named on a command line: files as given, folders walked for {@code *.yaml}. */
public final class ScenarioFiles {

    private ScenarioFiles() {
    }

    public static List<Path> under(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    /** The scenarios given, or {@code DIR/scenarios} when none were and it exists. */
    public static List<Path> orDefault(List<Path> given, Path ruleDir) throws IOException {
        if (given != null && !given.isEmpty()) {
            return under(given);
        }
        Path beside = ruleDir.resolve("scenarios");
        return Files.isDirectory(beside) ? under(List.of(beside)) : List.of();
    }
}
