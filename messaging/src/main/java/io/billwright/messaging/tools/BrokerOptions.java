package io.billwright.messaging.tools;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.billwright.messaging.topology.Topology;
import picocli.CommandLine.Option;

/** Where the broker is: the same defaults and environment variables as the service. */
final class BrokerOptions {

    @Option(names = "--host", description = "RabbitMQ host (default: $SPRING_RABBITMQ_HOST or localhost)")
    String host = env("SPRING_RABBITMQ_HOST", "localhost");

    @Option(names = "--port", description = "RabbitMQ port (default: $SPRING_RABBITMQ_PORT or 5672)")
    int port = Integer.parseInt(env("SPRING_RABBITMQ_PORT", "5672"));

    @Option(names = "--user", description = "RabbitMQ user (default: $SPRING_RABBITMQ_USERNAME or guest)")
    String user = env("SPRING_RABBITMQ_USERNAME", "guest");

    @Option(names = "--password", description = "RabbitMQ password (default: $SPRING_RABBITMQ_PASSWORD or guest)")
    String password = env("SPRING_RABBITMQ_PASSWORD", "guest");

    @Option(names = "--vhost", description = "RabbitMQ virtual host (default: $SPRING_RABBITMQ_VIRTUAL_HOST or /)")
    String vhost = env("SPRING_RABBITMQ_VIRTUAL_HOST", "/");

    @Option(names = "--uri", paramLabel = "amqp://user:password@host:port/vhost",
            description = "The broker as one URI, which overrides --host, --port, --user, --password and --vhost"
                    + " (default: $BILLWRIGHT_AMQP_URI, or $SPRING_RABBITMQ_ADDRESSES when it is an amqp:// URI)")
    String uri = uriFromEnvironment();

    @Option(names = "--namespace", description = "Exchange and queue prefix (default: $BILLWRIGHT_NAMESPACE or billwright)")
    String namespace = env("BILLWRIGHT_NAMESPACE", "billwright");

    @Option(names = "--partitions", description = "Inbound partition queues of the service (default:"
            + " $BILLWRIGHT_PARTITIONS_COUNT or 8); only queue depths depend on it")
    int partitions = Integer.parseInt(env("BILLWRIGHT_PARTITIONS_COUNT", String.valueOf(Topology.DEFAULT_PARTITIONS)));

    Topology topology() {
        return new Topology(namespace, partitions);
    }

    Connection connect(String name) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        if (uri != null) {
            factory.setUri(uri);
        } else {
            factory.setHost(host);
            factory.setPort(port);
            factory.setUsername(user);
            factory.setPassword(password);
            factory.setVirtualHost(vhost);
        }
        return factory.newConnection(name);
    }

    /** Where the tools connect, for people: {@code host:port, virtual host '/x'} (never the password). */
    String describe() {
        if (uri != null) {
            try {
                java.net.URI parsed = java.net.URI.create(uri);
                String path = parsed.getPath() == null || parsed.getPath().length() <= 1 ? "/"
                        : java.net.URLDecoder.decode(parsed.getPath().substring(1), java.nio.charset.StandardCharsets.UTF_8);
                return parsed.getHost() + ":" + (parsed.getPort() < 0 ? 5672 : parsed.getPort()) + ", virtual host '"
                        + path + "'";
            } catch (IllegalArgumentException e) {
                return "the broker of --uri";
            }
        }
        return host + ":" + port + ", virtual host '" + vhost + "'";
    }

    /**
     * What a broker failure means for someone running a tool: an exchange or queue the broker does not know
     * is almost always the wrong virtual host or namespace, not a broken broker.
     */
    String explain(Throwable failure) {
        String text = String.valueOf(failure.getMessage());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("NOT_FOUND")) {
                text = cause.getMessage();
                return "the broker at " + describe() + " has no such exchange or queue (" + reply(text)
                        + "). Is the service running on this virtual host and with namespace '" + namespace
                        + "'? (--vhost, --namespace, --uri)";
            }
            if (cause.getMessage() != null && cause.getMessage().contains("NOT_ALLOWED")) {
                return "the broker at " + describe() + " does not let this user in (" + reply(cause.getMessage())
                        + "): does the virtual host exist, and may the user use it? (--vhost, --uri)";
            }
            if (cause.getMessage() != null && cause.getMessage().contains("ACCESS_REFUSED")) {
                return "the broker at " + describe() + " refused the user or the virtual host (" + reply(cause.getMessage())
                        + "): check --user, --password and --vhost";
            }
            if (cause instanceof java.net.ConnectException) {
                return "no broker answers at " + describe() + " (" + cause.getMessage() + ")";
            }
        }
        return "the broker at " + describe() + " failed: " + text;
    }

    private static String reply(String message) {
        int start = message.indexOf("reply-text=");
        if (start < 0) {
            return message;
        }
        int end = message.indexOf(',', start);
        return message.substring(start + "reply-text=".length(), end < 0 ? message.length() : end);
    }

    private static String uriFromEnvironment() {
        String explicit = System.getenv("BILLWRIGHT_AMQP_URI");
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        String addresses = System.getenv("SPRING_RABBITMQ_ADDRESSES");
        if (addresses != null && (addresses.startsWith("amqp://") || addresses.startsWith("amqps://"))) {
            return addresses.split(",")[0].strip();
        }
        return null;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
