package io.billwright.messaging.rulesets;

import io.billwright.rules.release.ReleaseJson;
import io.billwright.rules.release.ReleaseManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where releases are found: a folder of release jars (looked up by the version their manifest states) or
 * Maven coordinates in a local repository ({@code group:artifact:version}). Finding reads no more than
 * each manifest's version; the jar found is verified in full before anything of it is loaded.
 */
public final class ReleaseStore {

    private final Path folder;
    private final Path mavenRepository;

    public ReleaseStore(Path folder, Path mavenRepository) {
        this.folder = folder;
        this.mavenRepository = mavenRepository;
    }

    /** The jar in the releases folder whose manifest states {@code version}. */
    public Optional<Path> byVersion(String version) {
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted()
                    .filter(f -> version.equals(versionOf(f))).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the releases in " + folder, e);
        }
    }

    /** The jar that {@code group:artifact:version} names in the local Maven repository, if it is there. */
    public Optional<Path> byCoordinates(String coordinates) {
        String[] parts = coordinates.split(":");
        if (parts.length != 3 || mavenRepository == null || Stream.of(parts).anyMatch(p -> p.isBlank() || p.contains("/")
                || p.contains(".."))) {
            return Optional.empty();
        }
        Path jar = mavenRepository.resolve(parts[0].replace('.', '/')).resolve(parts[1]).resolve(parts[2])
                .resolve(parts[1] + "-" + parts[2] + ".jar");
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    public Path folder() {
        return folder;
    }

    private static String versionOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            var entry = file.getJarEntry("META-INF/billwright/release.json");
            if (entry == null) {
                return null;
            }
            return ReleaseJson.mapper().readValue(file.getInputStream(entry), ReleaseManifest.class).version();
        } catch (IOException | RuntimeException e) {
            return null; // not a release; the folder may hold other files
        }
    }
}
