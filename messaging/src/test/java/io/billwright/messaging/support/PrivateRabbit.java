package io.billwright.messaging.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ node of a test's own: its own node name, AMQP and distribution ports, data and log folders,
 * with the consistent-hash plugin. Fault tests stop and start it; the machine's default node, which CI
 * and other tests use, is never touched. Needs RabbitMQ installed (as {@code .ci/run} makes sure).
 */
public final class PrivateRabbit implements AutoCloseable {

    private static final Path SYSTEM_BIN = Path.of("/usr/lib/rabbitmq/bin");

    private final String node;
    private final int port;
    private final Path home;
    private final Map<String, String> environment = new HashMap<>();

    private PrivateRabbit(Path home) throws IOException {
        this.home = home;
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        this.node = "bw-chaos-" + suffix + "@localhost";
        this.port = freePort();
        int distribution = freePort();
        Files.createDirectories(home.resolve("mnesia"));
        Files.createDirectories(home.resolve("log"));
        Files.writeString(home.resolve("enabled_plugins"), "[rabbitmq_consistent_hash_exchange].\n");
        Files.writeString(home.resolve("rabbitmq.conf"), "listeners.tcp.default = 127.0.0.1:" + port + "\n"
                + "loopback_users = none\n");
        environment.put("RABBITMQ_NODENAME", node);
        environment.put("RABBITMQ_NODE_PORT", String.valueOf(port));
        environment.put("RABBITMQ_DIST_PORT", String.valueOf(distribution));
        environment.put("RABBITMQ_MNESIA_BASE", home.resolve("mnesia").toString());
        environment.put("RABBITMQ_LOG_BASE", home.resolve("log").toString());
        environment.put("RABBITMQ_ENABLED_PLUGINS_FILE", home.resolve("enabled_plugins").toString());
        environment.put("RABBITMQ_CONFIG_FILE", home.resolve("rabbitmq").toString());
        // the Erlang cookie the machine's node and its command-line tools share
        if (Files.isReadable(Path.of("/var/lib/rabbitmq/.erlang.cookie"))) {
            environment.put("HOME", "/var/lib/rabbitmq");
        }
    }

    /** Starts a new node whose files live under {@code home}; answers when it accepts connections. */
    public static PrivateRabbit start(Path home) {
        try {
            PrivateRabbit rabbit = new PrivateRabbit(home);
            rabbit.startAgain();
            return rabbit;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a RabbitMQ node under " + home, e);
        }
    }

    public int port() {
        return port;
    }

    /** Starts the node (again, with the same data: durable queues and their messages survive). */
    public void startAgain() {
        run(Duration.ofSeconds(30), tool("rabbitmq-server"), "-detached");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (run(Duration.ofSeconds(60), tool("rabbitmqctl"), "-n", node, "await_startup", "--timeout", "60") == 0) {
                return;
            }
            sleep(500); // not registered with epmd yet
        }
        throw new IllegalStateException("RabbitMQ node " + node + " did not start; see " + home.resolve("log"));
    }

    /** Makes this (started) node a member of {@code first}'s cluster. */
    public void joinCluster(PrivateRabbit first) {
        String ctl = tool("rabbitmqctl");
        if (run(Duration.ofSeconds(60), ctl, "-n", node, "stop_app") != 0
                || run(Duration.ofSeconds(60), ctl, "-n", node, "join_cluster", first.node) != 0
                || run(Duration.ofSeconds(60), ctl, "-n", node, "start_app") != 0) {
            throw new IllegalStateException("node " + node + " could not join " + first.node + "; see "
                    + home.resolve("tools.log"));
        }
    }

    /** Stops the node cleanly, as an operator's restart does. */
    public void stop() {
        run(Duration.ofSeconds(60), tool("rabbitmqctl"), "-n", node, "stop");
    }

    @Override
    public void close() {
        stop();
    }

    private String tool(String name) {
        Path system = SYSTEM_BIN.resolve(name);
        return Files.isExecutable(system) ? system.toString() : name;
    }

    private int run(Duration timeout, String... command) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("tools.log").toFile()));
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": is RabbitMQ installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
