package io.billwright.rules.cli;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.RuleSources;
import io.billwright.engine.ruleset.drools.DroolsRuleSetCompiler;
import io.billwright.rules.diff.RuleChange;
import io.billwright.rules.diff.RuleSetDiff;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Rules added, removed and changed between two rule folders ({@link RuleSetDiff}). */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"List the rules added, removed and changed between two rule folders; for a changed rule,"
                + " a unified diff of its text (a decision-table rule: its row before and after).",
            "Exit status 2 when a folder cannot be read or compiled."})
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", description = "the rule folder in force")
    Path oldDir;

    @Parameters(index = "1", paramLabel = "NEW", description = "the candidate rule folder")
    Path newDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleSetDiff diff;
        try {
            List<RuleSource> before = RuleSources.fromDirectory(oldDir);
            List<RuleSource> after = RuleSources.fromDirectory(newDir);
            diff = RuleSetDiff.between(compile(before, oldDir), before, compile(after, newDir), after);
        } catch (RuleSetException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        for (RuleChange change : diff.changes()) {
            out.printf("%-8s %s  \"%s\"%s%n", change.kind().word(), change.packageName(), change.name(),
                    change.file().isEmpty() ? "" : "  (" + change.file() + ")");
            if (change.kind() == RuleChange.Kind.CHANGED) {
                printChange(out, change);
            }
        }
        out.printf("%s, %d unchanged%n", diff.counts(), diff.unchanged());
        out.flush();
        return 0;
    }

    /** The rule's text before and after as a unified diff, indented; a description change on its own line. */
    private static void printChange(PrintWriter out, RuleChange change) {
        if (change.textChanged()) {
            List<String> a = change.textBefore().text().lines().toList();
            List<String> b = change.textAfter().text().lines().toList();
            Patch<String> patch = DiffUtils.diff(a, b);
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(change.textBefore().file(),
                    change.textAfter().file(), a, patch, 2);
            unified.forEach(line -> out.println("    " + line));
        }
        if (!change.before().description().equals(change.after().description())) {
            out.println("    description: \"" + change.before().description() + "\" -> \""
                    + change.after().description() + "\"");
        }
        if (!change.before().packageName().equals(change.after().packageName())) {
            out.println("    package: " + change.before().packageName() + " -> " + change.after().packageName());
        }
    }

    private static RuleSet compile(List<RuleSource> sources, Path dir) {
        return new DroolsRuleSetCompiler().compile(sources, dir.toString());
    }
}
