package io.billwright.messaging.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own (its own folder and port, trust authentication), which a fault test
 * stops and starts; the machine's cluster, which CI and the other tests use, is never touched. Run as root
 * (as CI does here), the cluster belongs to the {@code postgres} user, because PostgreSQL refuses root.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path data;
    private final Path bin;
    private final int port;

    private PrivatePostgres(Path data, Path bin, int port) {
        this.data = data;
        this.bin = bin;
        this.port = port;
    }

    /**
     * Creates and starts a cluster in a new folder of its own under the temporary directory (readable by
     * the {@code postgres} user, which a JUnit temporary folder is not), removed by {@link #close}.
     */
    public static PrivatePostgres start() {
        try {
            Path bin = binaries();
            Path folder = Files.createTempDirectory("billwright-pg-", java.nio.file.attribute.PosixFilePermissions
                    .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
            Path data = folder.resolve("data");
            if (isRoot()) {
                run(List.of("chown", "-R", "postgres", folder.toString()), false);
                run(List.of("chmod", "755", folder.toString()), false);
            }
            PrivatePostgres postgres = new PrivatePostgres(data, bin, PrivateRabbit.freePort());
            postgres.tool("initdb", "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
            postgres.startAgain();
            return postgres;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a PostgreSQL cluster in the temporary directory", e);
        }
    }

    public int port() {
        return port;
    }

    /** A database of this cluster for the service ({@code postgres}, schema {@code public}). */
    public TestInfrastructure.Database database() {
        return new TestInfrastructure.Database("PostgreSQL (private)", "jdbc:postgresql://127.0.0.1:" + port
                + "/postgres", "postgres", "", null);
    }

    public void startAgain() {
        tool("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "-l", data.resolveSibling("server.log").toString(),
                "-o", "-p " + port + " -k " + data.getParent() + " -c listen_addresses=127.0.0.1", "start");
    }

    /** Stops the cluster at once, as a crash or a lost network does: open connections break. */
    public void stop() {
        tool("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "-m", "immediate", "stop");
    }

    @Override
    public void close() {
        try {
            tool("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "-m", "fast", "stop");
        } catch (RuntimeException alreadyStopped) {
            // nothing to stop
        }
        run(List.of("rm", "-rf", data.getParent().toString()), false);
    }

    private void tool(String name, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve(name).toString());
        command.addAll(List.of(arguments));
        if (isRoot()) {
            List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
            asPostgres.addAll(command);
            command = asPostgres;
        }
        run(command, true);
    }

    private static void run(List<String> command, boolean mustSucceed) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            if (mustSucceed && process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": is PostgreSQL installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest installed server's binaries (Debian: /usr/lib/postgresql/VERSION/bin). */
    private static Path binaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                        .map(v -> v.resolve("bin")).orElseThrow(() -> new IOException("no initdb under " + debian));
            }
        }
        return Path.of("/usr/bin");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
