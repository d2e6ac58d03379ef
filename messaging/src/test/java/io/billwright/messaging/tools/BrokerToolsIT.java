package io.billwright.messaging.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.events.testing.TestMessages;
import io.billwright.messaging.support.TestInfrastructure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's tools against the real broker: a URI with its virtual host, and failures said in a sentence. */
class BrokerToolsIT {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void anExchangeTheBrokerDoesNotKnowIsExplainedAsTheWrongNamespaceOrVirtualHost() throws Exception {
        Path events = events();
        TestInfrastructure infra = TestInfrastructure.get();

        int status = run("publish", "--host", infra.rabbitHost(), "--port", String.valueOf(infra.rabbitPort()),
                "--user", infra.rabbitUser(), "--password", infra.rabbitPassword(), "--namespace",
                "no-such-namespace", "--watch", "0", events.toString());

        assertThat(status).isEqualTo(3);
        assertThat(err.toString()).contains("publish: the broker at " + infra.rabbitHost() + ":" + infra.rabbitPort()
                        + ", virtual host '/' has no such exchange or queue")
                .contains("no exchange 'no-such-namespace.inbound'")
                .contains("Is the service running on this virtual host and with namespace 'no-such-namespace'?")
                .doesNotContain("at com.rabbitmq");
    }

    @Test
    void aVirtualHostThatDoesNotExistIsSaidSo() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();

        int status = run("publish", "--uri", "amqp://" + infra.rabbitUser() + ":" + infra.rabbitPassword() + "@"
                + infra.rabbitHost() + ":" + infra.rabbitPort() + "/no-such-vhost", "--watch", "0",
                events().toString());

        assertThat(status).isEqualTo(3);
        assertThat(err.toString()).contains("virtual host 'no-such-vhost'").contains("does the virtual host exist")
                .doesNotContain("at com.rabbitmq");
    }

    @Test
    void aUriNamesTheBrokerAndItsVirtualHost() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        // the default virtual host, spelled as a URI does; the namespace exists once a queue of it does
        String namespace = TestInfrastructure.newNamespace();
        var topology = new io.billwright.messaging.topology.Topology(namespace);
        try (var broker = new io.billwright.messaging.support.TestBroker()) {
            broker.declareTopicExchange(topology.inboundExchange());
            broker.declareQuorumQueue(namespace + ".catch-all", topology.inboundExchange(), "#");

            int status = run("publish", "--uri", "amqp://" + infra.rabbitUser() + ":" + infra.rabbitPassword() + "@"
                    + infra.rabbitHost() + ":" + infra.rabbitPort() + "/%2F", "--namespace", namespace,
                    "--watch", "0", "--pause", "0", events().toString());

            assertThat(status).as(err.toString()).isZero();
            assertThat(broker.depth(namespace + ".catch-all")).as("the message reached the namespace's exchange")
                    .isEqualTo(1);
            broker.deleteQueue(namespace + ".catch-all");
            broker.deleteNamespace(topology);
        }
    }

    private Path events() throws Exception {
        return Files.write(directory.resolve("events.jsonl"),
                List.of(TestMessages.contract("C-TOOLS-1", "NETSUITE").body()));
    }

    private int run(String... args) {
        return BillwrightTools.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
