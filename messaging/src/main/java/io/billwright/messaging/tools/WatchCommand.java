package io.billwright.messaging.tools;

import com.rabbitmq.client.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints a copy of every package and exception the service publishes, without consuming the real queues. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Print every package and exception the service publishes (copies; the ERP queues are untouched).")
final class WatchCommand implements Callable<Integer> {

    @Mixin
    BrokerOptions broker;

    @Option(names = "--seconds", defaultValue = "0", description = "Stop after this long (0: until interrupted)")
    int seconds;

    @Override
    public Integer call() throws Exception {
        try (Connection connection = broker.connect("billwright-watch")) {
            OutboundTap.open(connection.createChannel(), broker.topology(), Printer::print);
            System.out.println("watching " + broker.topology().erpExchange() + " and "
                    + broker.topology().exceptionsExchange() + " (Ctrl-C to stop)");
            Thread.sleep(seconds > 0 ? seconds * 1000L : Long.MAX_VALUE);
        }
        return 0;
    }
}
