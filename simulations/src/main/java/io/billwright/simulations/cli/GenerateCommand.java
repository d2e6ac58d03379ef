package io.billwright.simulations.cli;

import io.billwright.simulations.generate.DatasetGenerator;
import io.billwright.simulations.generate.GenerationSummary;
import io.billwright.simulations.generate.GeneratorOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: a realistic data set from a seed, as the JSON Lines the service consumes. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a firm's months of work (contracts, timesheets, expenses, milestones, closes) as",
            "CloudEvents JSON Lines, the messages the billing service consumes. The same seed and size",
            "always give the same file."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--people", paramLabel = "N", description = "Consultants in the firm (default: "
            + GeneratorOptions.DEFAULT_PEOPLE + ")")
    Integer people;

    @Option(names = "--events", paramLabel = "N",
            description = "Size the firm to about this many events instead of giving --people")
    Long events;

    @Option(names = "--months", defaultValue = "" + GeneratorOptions.DEFAULT_MONTHS,
            description = "Months of work (default: ${DEFAULT-VALUE})")
    int months;

    @Option(names = "--start", paramLabel = "YYYY-MM", description = "First month (default: 2026-07)")
    YearMonth start = GeneratorOptions.DEFAULT_START;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The file to write")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (people != null && events != null) {
            err.println("give --people or --events, not both");
            return 2;
        }
        GeneratorOptions options;
        try {
            options = events != null ? GeneratorOptions.forEvents(seed, events, months, start)
                    : GeneratorOptions.of(seed, people == null ? GeneratorOptions.DEFAULT_PEOPLE : people, months, start);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        GenerationSummary summary = new DatasetGenerator(options).writeTo(out);
        PrintWriter console = spec.commandLine().getOut();
        console.print(summary.describe());
        console.printf("wrote %s in %.1f s%n", out, (System.nanoTime() - started) / 1e9);
        console.flush();
        return 0;
    }
}
