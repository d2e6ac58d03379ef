package io.billwright.rules.cli;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.rules.check.RuleSetCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Which rules the scenarios fire, and how often; the rules no scenario fires first. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Run every scenario against a rule folder and count how often each rule fired; list the"
                + " rules no scenario fires.", "Exit status 1 when the folder has errors (see validate), 2 when it"
                + " cannot be read."})
final class CoverageCommand implements Callable<Integer> {

    @Mixin
    RuleFolderOptions folder;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write package,rule,fired,description to FILE")
    Path csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RuleSetCheck check = folder.check(spec.commandLine().getErr());
        if (check == null) {
            return 2;
        }
        if (!check.scenariosRun()) {
            check.findings().stream().filter(f -> f.isError()).forEach(out::println);
            out.println(ValidateCommand.summary(check));
            out.flush();
            return 1;
        }
        Map<RuleInfo, Long> firings = check.firings();
        List<Map.Entry<RuleInfo, Long>> never = firings.entrySet().stream().filter(e -> e.getValue() == 0).toList();
        out.printf("%d of %d rules fired in %d scenarios%n", firings.size() - never.size(), firings.size(),
                check.scenarios());
        if (!never.isEmpty()) {
            out.println("never fired:");
            never.forEach(e -> out.printf("  %s  \"%s\"%n", e.getKey().packageName(), e.getKey().name()));
        }
        out.println("fired:");
        firings.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<RuleInfo, Long>comparingByValue().reversed())
                .forEach(e -> out.printf("  %6d  %s  \"%s\"%n", e.getValue(), e.getKey().packageName(), e.getKey().name()));
        if (csv != null) {
            StringBuilder text = new StringBuilder("package,rule,fired,description\n");
            firings.forEach((rule, count) -> text.append(cell(rule.packageName())).append(',').append(cell(rule.name()))
                    .append(',').append(count).append(',').append(cell(rule.description())).append('\n'));
            Files.writeString(csv, text, StandardCharsets.UTF_8);
            out.println("wrote " + csv);
        }
        out.flush();
        return 0;
    }

    private static String cell(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
