package io.billwright.messaging.tools;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import io.billwright.events.EventType;
import io.billwright.events.PartitionKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes CloudEvents JSON Lines to the inbound exchange, as an upstream system would (persistent,
 * with confirms), then optionally shows what the service sends out.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish CloudEvents JSON Lines files to the inbound exchange and show the packages that come out.")
final class PublishCommand implements Callable<Integer> {

    @Mixin
    BrokerOptions broker;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON Lines files, one CloudEvent per line")
    List<Path> files;

    @Option(names = "--watch", defaultValue = "10", paramLabel = "SECONDS",
            description = "After publishing, print packages and exceptions for this long (0: do not wait; default 10)")
    int watchSeconds;

    @Option(names = "--pause", defaultValue = "250", paramLabel = "MILLIS",
            description = "Wait this long after each confirmed message (default 250), so events on different "
                    + "queues are decided in file order, as in a scenario; 0 publishes as fast as possible")
    int pauseMillis;

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public Integer call() throws Exception {
        try (Connection connection = broker.connect("billwright-publish"); Channel channel = connection.createChannel()) {
            if (watchSeconds > 0) {
                OutboundTap.open(connection.createChannel(), broker.topology(), Printer::print);
            }
            channel.confirmSelect();
            int published = 0;
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    System.err.println(file + ": no such file");
                    return 2;
                }
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.isEmpty()) {
                        continue;
                    }
                    JsonNode event;
                    try {
                        event = json.readTree(line);
                    } catch (JacksonException e) {
                        System.err.println(file + ":" + (i + 1) + ": not JSON: " + e.getOriginalMessage());
                        return 1;
                    }
                    String type = event.path("type").asString("");
                    String routingKey = type.startsWith(EventType.TYPE_PREFIX)
                            ? type.substring(EventType.TYPE_PREFIX.length()) : "unknown";
                    // the contract id as partition key: the broker keeps each contract's messages in order
                    String key = PartitionKey.of(event);
                    AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC.builder()
                            .messageId(event.path("id").asString(null)).contentType("application/cloudevents+json")
                            .headers(key == null ? null : java.util.Map.of(PartitionKey.HEADER, key))
                            .build();
                    channel.basicPublish(broker.topology().inboundExchange(), routingKey, true, properties,
                            line.getBytes(StandardCharsets.UTF_8));
                    published++;
                    if (pauseMillis > 0) {
                        // an optional pause between messages, to watch them arrive one at a time
                        channel.waitForConfirmsOrDie(30_000);
                        Thread.sleep(pauseMillis);
                    }
                }
            }
            channel.waitForConfirmsOrDie(30_000);
            System.out.println("published " + published + " messages to " + broker.topology().inboundExchange()
                    + " (all confirmed by the broker)");
            if (watchSeconds > 0) {
                System.out.println("watching packages and exceptions for " + watchSeconds + " s ...");
                Thread.sleep(watchSeconds * 1000L);
            }
        }
        return 0;
    }
}
