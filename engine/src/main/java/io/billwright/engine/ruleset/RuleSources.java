package io.billwright.engine.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads a rule set's files from a directory or from a folder on the classpath (in a jar or not). */
public final class RuleSources {

    private RuleSources() {
    }

    /** Every regular file below {@code dir}, sorted by path; hidden files and editor backups are skipped. */
    public static List<RuleSource> fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(List.of(new RuleSetProblem(dir.toString(), 0, "no such rule-set directory")));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<RuleSource> out = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (isIgnored(relative)) {
                    continue;
                }
                out.add(new RuleSource(relative, Files.readAllBytes(file)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule set in " + dir, e);
        }
    }

    /** The files under {@code root} (for example {@code billwright/rules}) on the class path. */
    public static List<RuleSource> fromClasspath(String root, ClassLoader loader) {
        URL url = loader.getResource(root);
        if (url == null) {
            throw new RuleSetException(List.of(new RuleSetProblem(root, 0, "no such folder on the class path")));
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return fromDirectory(jar.getPath(root));
                }
            }
            return fromDirectory(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad class path URL " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + url, e);
        }
    }

    private static boolean isIgnored(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.startsWith("~$");
    }
}
