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
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(user);
        factory.setPassword(password);
        return factory.newConnection(name);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
