package io.billwright.simulations.report;

import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.RuleImpact;
import io.billwright.simulations.input.InputProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every report of a run, written into one folder. They are written into a fresh folder beside it first and
 * moved into place only when all of them were written, so a failure (a full disk, a workbook open in Excel)
 * never leaves new reports beside old ones.
 */
public final class Reports {

    public static final String HTML = "report.html";
    public static final String SKIPPED = "skipped.csv";
    public static final String RULES_CHANGED = RulesChangedTable.FILE;

    private Reports() {
    }

    /** The reports without a brief of what was simulated (for comparisons built by hand). */
    public static void writeAll(Comparison comparison, List<InputProblem> skipped, Path folder) {
        writeAll(comparison, SimulationBrief.NONE, skipped, folder);
    }

    /**
     * @param brief   what was simulated, stated on the first screen of the page and the workbook; its rule changes
     *                are listed, with the items each affected, in {@code rules-changed.csv}, a sheet and a section
     *                when there are any
     * @param skipped the lines skipped as bad, listed in {@code skipped.csv} when there are any
     * @throws UncheckedIOException naming the file that could not be written or replaced
     */
    public static void writeAll(Comparison comparison, SimulationBrief brief, List<InputProblem> skipped,
                                Path folder) {
        Path parent = folder.toAbsolutePath().normalize().getParent();
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + folder.getFileName() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(folder.toString(), e);
        }
        try {
            List<RuleImpact> rules = RuleImpact.of(brief.ruleChanges(), comparison.changes());
            CsvReports.write(comparison, staging);
            if (!rules.isEmpty()) {
                RulesChangedTable.writeCsv(rules, staging);
            }
            XlsxReport.write(comparison, brief, rules, staging);
            write(staging.resolve(HTML), out -> HtmlReport.write(comparison, brief, rules, out));
            if (!skipped.isEmpty()) {
                write(staging.resolve(SKIPPED), out -> {
                    out.write("File,Line,Problem\r\n");
                    for (InputProblem problem : skipped) {
                        out.write(csv(problem.file().toString()) + "," + problem.line() + "," + csv(problem.message())
                                + "\r\n");
                    }
                });
            }
            moveInto(staging, folder);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** Writes text to a file. */
    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static void write(Path file, Content content) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static void moveInto(Path staging, Path folder) {
        try {
            Files.createDirectories(folder);
            // the optional reports of an earlier run must not pass for this one's
            Files.deleteIfExists(folder.resolve(SKIPPED));
            Files.deleteIfExists(folder.resolve(RULES_CHANGED));
            try (Stream<Path> files = Files.list(staging)) {
                for (Path file : files.toList()) {
                    Path target = folder.resolve(file.getFileName().toString());
                    try {
                        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new UncheckedIOException(target.toString(), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(folder.toString(), e);
        }
    }

    private static void deleteQuietly(Path staging) {
        try (Stream<Path> files = Files.walk(staging)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    private static String csv(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
