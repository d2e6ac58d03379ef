package io.billwright.simulations.cli;

import io.billwright.rules.cli.RulesCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code billwright-sim}: what-if simulations for finance. */
@Command(name = "billwright-simulations.jar", mixinStandardHelpOptions = true, version = "Billwright simulations 0.1",
        description = {"What-if simulations: replay billing events through the current rule set and a candidate,",
            "and see what changes, line by line and in totals."},
        subcommands = {GenerateCommand.class, RunCommand.class, TablesCommand.class})
public final class SimulationsCli {

    /** Bad input: a missing or malformed events file, an unusable parameter table. */
    static final int BAD_INPUT = 1;
    /** A rule set that does not compile. */
    static final int BAD_RULES = 3;

    public static void main(String[] args) {
        // run and generate hold a data set in memory: bounded, whatever the machine's size
        boolean holdsData = args.length > 0 && (args[0].equals("run") || args[0].equals("generate"));
        int bounded = holdsData ? OwnMemoryBound.runBounded(args, System.getenv()) : -1;
        System.exit(bounded >= 0 ? bounded : commandLine().execute(args));
    }

    /** The finance verbs, and the analysts' {@code rules} verbs (validate, coverage, diff, decide) in the same jar. */
    static CommandLine commandLine() {
        return new CommandLine(new SimulationsCli()).addSubcommand("rules", RulesCli.asSubcommand());
    }
}
