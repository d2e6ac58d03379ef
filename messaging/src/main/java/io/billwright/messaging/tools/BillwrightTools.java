package io.billwright.messaging.tools;

import io.billwright.messaging.reconcile.ReconcileCommand;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The commands shipped in the service jar beside the service itself. */
@Command(name = "billwright-service.jar", mixinStandardHelpOptions = true,
        subcommands = {PublishCommand.class, WatchCommand.class, LoadCommand.class, ExportEventsCommand.class,
            DeadLettersCommand.class, ReconcileCommand.class},
        description = "Without a command: run the billing service. With one: a tool beside it.")
public final class BillwrightTools {

    private static final Set<String> COMMANDS = Set.of("publish", "watch", "load", "export-events", "dead-letters",
            "reconcile", "rules", "--help", "-h", "help");

    private BillwrightTools() {
    }

    /** Whether the arguments ask for a tool rather than the service. */
    public static boolean wants(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        return run(args, new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true));
    }

    /** Runs a tool with its output and errors going to {@code out} and {@code err}. */
    public static int run(String[] args, java.io.PrintWriter out, java.io.PrintWriter err) {
        // the analysts' commands too (release, validate, keys...), so the one jar builds and deploys releases
        return new CommandLine(new BillwrightTools()).addSubcommand("rules",
                io.billwright.rules.cli.RulesCli.asSubcommand()).setOut(out).setErr(err)
                .setExecutionExceptionHandler(BillwrightTools::brokerFailure).execute(args);
    }

    /** A broker failure in a tool is said in a sentence that names the broker, not as a stack trace. */
    private static int brokerFailure(Exception failure, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        BrokerOptions broker = brokerOf(command.getCommand());
        if (broker == null || !isBrokerFailure(failure)) {
            throw failure;
        }
        command.getErr().println(command.getCommandName() + ": " + broker.explain(failure));
        return 3;
    }

    private static BrokerOptions brokerOf(Object command) {
        if (command instanceof PublishCommand publish) {
            return publish.broker;
        }
        if (command instanceof WatchCommand watch) {
            return watch.broker;
        }
        if (command instanceof LoadCommand load) {
            return load.broker;
        }
        return null;
    }

    private static boolean isBrokerFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException || cause instanceof com.rabbitmq.client.ShutdownSignalException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
