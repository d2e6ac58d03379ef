package io.billwright.rules.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code billwright-rules}: the analysts' command line. */
@Command(name = "billwright-rules", mixinStandardHelpOptions = true, version = "Billwright rules 0.1",
        description = "Decide scenarios with a rule set and explain every decision; validate, lint, cover and diff"
                + " rule folders.",
        subcommands = {DecideCommand.class, ValidateCommand.class, CoverageCommand.class, DiffCommand.class,
            ReleaseCommand.class, KeysCommand.class})
public final class RulesCli {

    /**
     * The analysts' commands as the {@code rules} subcommand of another tool's command line: its usage lines
     * then read {@code <tool> rules diff ...}, as they are typed.
     */
    public static CommandLine asSubcommand() {
        CommandLine rules = new CommandLine(new RulesCli());
        rules.getCommandSpec().name("rules");
        return rules;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RulesCli()).execute(args));
    }
}
