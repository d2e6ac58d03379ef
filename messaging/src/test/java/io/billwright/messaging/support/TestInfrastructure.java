package io.billwright.messaging.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * The one place that decides, once per test run, where the real broker and database come from:
 * Testcontainers where Docker works, otherwise the RabbitMQ and PostgreSQL on this machine
 * (127.0.0.1:5672 guest/guest, 127.0.0.1:5432 database {@code test}). Every test gets its own queue
 * namespace and its own database schema, so runs never collide.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final String source;
    private final String rabbitHost;
    private final int rabbitPort;
    private final String rabbitUser;
    private final String rabbitPassword;
    private final String postgresUrl;
    private final String postgresUser;
    private final String postgresPassword;

    private TestInfrastructure(String source, String rabbitHost, int rabbitPort, String rabbitUser,
                               String rabbitPassword, String postgresUrl, String postgresUser,
                               String postgresPassword) {
        this.source = source;
        this.rabbitHost = rabbitHost;
        this.rabbitPort = rabbitPort;
        this.rabbitUser = rabbitUser;
        this.rabbitPassword = rabbitPassword;
        this.postgresUrl = postgresUrl;
        this.postgresUser = postgresUser;
        this.postgresPassword = postgresPassword;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = dockerWorks() ? containers() : localServices();
            System.out.println("[billwright-it] broker and database: " + instance.source);
        }
        return instance;
    }

    private static boolean dockerWorks() {
        if (Boolean.getBoolean("billwright.it.local")) {
            return false;
        }
        boolean configured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        if (!configured) {
            return false; // no engine to ask: skip Testcontainers' own (noisy) search
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // the containers live as long as the test JVM
    private static TestInfrastructure containers() {
        RabbitMQContainer rabbit = new RabbitMQContainer("rabbitmq:3.13");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");
        rabbit.start();
        postgres.start();
        try {
            // the inbound partitions need the consistent-hash exchange (ADR 0009)
            rabbit.execInContainer("rabbitmq-plugins", "enable", "rabbitmq_consistent_hash_exchange");
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("cannot enable rabbitmq_consistent_hash_exchange in the container", e);
        }
        return new TestInfrastructure("Testcontainers", rabbit.getHost(), rabbit.getAmqpPort(),
                rabbit.getAdminUsername(), rabbit.getAdminPassword(), postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword());
    }

    private static TestInfrastructure localServices() {
        return new TestInfrastructure("local services (no Docker)", "127.0.0.1", 5672, "guest", "guest",
                "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
    }

    public String rabbitHost() {
        return rabbitHost;
    }

    public int rabbitPort() {
        return rabbitPort;
    }

    public String rabbitUser() {
        return rabbitUser;
    }

    public String rabbitPassword() {
        return rabbitPassword;
    }

    /** A queue namespace no other run uses. */
    public static String newNamespace() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh, empty PostgreSQL schema for one test. */
    public Database newPostgresSchema() {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(postgresUrl, postgresUser, postgresPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " at " + postgresUrl, e);
        }
        String separator = postgresUrl.contains("?") ? "&" : "?";
        return new Database("PostgreSQL", postgresUrl + separator + "currentSchema=" + schema, postgresUser,
                postgresPassword, schema);
    }

    /** A fresh H2 file database, as the service uses when none is configured. */
    public static Database newH2(java.nio.file.Path directory) {
        return new Database("H2", "jdbc:h2:file:" + directory.resolve("billwright").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000", "sa", "", null);
    }

    /** Connection settings for one database; {@code schema} is null for H2. */
    public record Database(String kind, String url, String user, String password, String schema) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public String toString() {
            return kind;
        }
    }
}
