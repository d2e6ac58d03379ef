package io.billwright.messaging.tools;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The commands shipped in the service jar beside the service itself. */
@Command(name = "billwright-service.jar", mixinStandardHelpOptions = true,
        subcommands = {PublishCommand.class, WatchCommand.class, LoadCommand.class, ExportEventsCommand.class},
        description = "Without a command: run the billing service. With one: a tool beside it.")
public final class BillwrightTools {

    private static final Set<String> COMMANDS = Set.of("publish", "watch", "load", "export-events", "rules", "--help",
            "-h", "help");

    private BillwrightTools() {
    }

    /** Whether the arguments ask for a tool rather than the service. */
    public static boolean wants(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        // the analysts' commands too (release, validate, keys...), so the one jar builds and deploys releases
        return new CommandLine(new BillwrightTools()).addSubcommand("rules",
                io.billwright.rules.cli.RulesCli.asSubcommand()).execute(args);
    }
}
