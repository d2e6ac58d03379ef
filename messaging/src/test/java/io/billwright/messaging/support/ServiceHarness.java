package io.billwright.messaging.support;

import io.billwright.messaging.service.BillwrightService;
import io.billwright.messaging.topology.Topology;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts and stops the real service, as {@code java -jar} would, against the test's broker and database. */
public final class ServiceHarness implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ServiceHarness(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static ServiceHarness start(Topology topology, TestInfrastructure.Database database,
                                       Map<String, Object> overrides) {
        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.rabbitmq.host", infra.rabbitHost());
        properties.put("spring.rabbitmq.port", infra.rabbitPort());
        properties.put("spring.rabbitmq.username", infra.rabbitUser());
        properties.put("spring.rabbitmq.password", infra.rabbitPassword());
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        if (database.schema() != null) {
            properties.put("spring.flyway.schemas", database.schema());
        }
        properties.put("billwright.namespace", topology.namespace());
        properties.put("server.port", 0);
        properties.put("billwright.relay.poll-interval", "100ms");
        // a test's service lives seconds: warming its reload path up would only take the tests' CPU
        properties.put("billwright.rules.warm-ups", 0);
        // the service's own warnings and errors stay visible; Spring's start-up chatter does not
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.io.billwright", "INFO");
        properties.putAll(overrides);
        // as command-line arguments: they outrank application.yml, as a deployment's settings do
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BillwrightService.class).run(args);
        return new ServiceHarness(context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int httpPort() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    public boolean isRunning() {
        return context.isRunning();
    }

    @Override
    public void close() {
        context.close();
    }
}
