package io.billwright.messaging.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service jar in a process of its own, so a fault test can kill it as a crash does ({@code kill -9}):
 * no shutdown hook, no ack, no last commit. Its output goes to a log file beside the test's other files.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Where {@code mvn package} puts the service jar (failsafe runs after it, from the module's folder). */
    public static final Path JAR = Path.of("target/billwright-service.jar");

    private final Process process;
    private final String instanceId;

    private ServiceProcess(Process process, String instanceId) {
        this.process = process;
        this.instanceId = instanceId;
    }

    /**
     * Starts {@code java -jar billwright-service.jar} with these settings as command-line arguments.
     *
     * @param instanceId the {@code billwright.partitions.instance-id} among the settings, for callers to wait on
     */
    public static ServiceProcess start(Map<String, Object> settings, String instanceId, Path log) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the integration tests with"
                    + " 'mvn verify', which packages the service first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ServiceProcess(process, instanceId);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", command), e);
        }
    }

    /** Kills the process as a crash does: SIGKILL, nothing runs on the way out. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String instanceId() {
        return instanceId;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy(); // a clean stop (SIGTERM) when the test is over
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
