package io.billwright.rules.cli;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.RuleSources;
import io.billwright.engine.ruleset.drools.DroolsRuleSetCompiler;
import io.billwright.engine.ruleset.lint.RuleTexts;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Rules added, removed and changed between two rule folders. */
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

    /** A rule set's rules by name, with their texts. */
    private record Side(Map<String, RuleInfo> rules, Map<String, RuleTexts.RuleText> texts) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Side before;
        Side after;
        try {
            before = read(oldDir);
            after = read(newDir);
        } catch (RuleSetException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        int added = 0;
        int removed = 0;
        int changed = 0;
        for (RuleInfo rule : after.rules().values()) {
            if (!before.rules().containsKey(rule.name())) {
                out.printf("added    %s  \"%s\"%s%n", rule.packageName(), rule.name(), where(after, rule));
                added++;
            }
        }
        for (RuleInfo rule : before.rules().values()) {
            if (!after.rules().containsKey(rule.name())) {
                out.printf("removed  %s  \"%s\"%s%n", rule.packageName(), rule.name(), where(before, rule));
                removed++;
            }
        }
        for (RuleInfo rule : after.rules().values()) {
            RuleInfo old = before.rules().get(rule.name());
            if (old != null && (!Objects.equals(text(before, rule), text(after, rule))
                    || !old.description().equals(rule.description()) || !old.packageName().equals(rule.packageName()))) {
                out.printf("changed  %s  \"%s\"%s%n", rule.packageName(), rule.name(), where(after, rule));
                printChange(out, before, after, old, rule);
                changed++;
            }
        }
        int unchanged = after.rules().size() - added - changed;
        out.printf("%d added, %d removed, %d changed, %d unchanged%n", added, removed, changed, unchanged);
        out.flush();
        return 0;
    }

    /** The rule's text before and after as a unified diff, indented; a description change on its own line. */
    private static void printChange(PrintWriter out, Side before, Side after, RuleInfo old, RuleInfo rule) {
        String was = text(before, rule);
        String now = text(after, rule);
        if (was != null && now != null && !was.equals(now)) {
            List<String> a = was.lines().toList();
            List<String> b = now.lines().toList();
            Patch<String> patch = DiffUtils.diff(a, b);
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(before.texts().get(rule.name()).file(),
                    after.texts().get(rule.name()).file(), a, patch, 2);
            unified.forEach(line -> out.println("    " + line));
        }
        if (!old.description().equals(rule.description())) {
            out.println("    description: \"" + old.description() + "\" -> \"" + rule.description() + "\"");
        }
        if (!old.packageName().equals(rule.packageName())) {
            out.println("    package: " + old.packageName() + " -> " + rule.packageName());
        }
    }

    private static Side read(Path dir) {
        List<RuleSource> sources = RuleSources.fromDirectory(dir);
        RuleSet ruleSet = new DroolsRuleSetCompiler().compile(sources, dir.toString());
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        ruleSet.rules().forEach(rule -> rules.put(rule.name(), rule));
        return new Side(rules, RuleTexts.of(sources));
    }

    private static String text(Side side, RuleInfo rule) {
        RuleTexts.RuleText text = side.texts().get(rule.name());
        return text == null ? null : text.text();
    }

    private static String where(Side side, RuleInfo rule) {
        RuleTexts.RuleText text = side.texts().get(rule.name());
        return text == null ? "" : "  (" + text.file() + ")";
    }
}
