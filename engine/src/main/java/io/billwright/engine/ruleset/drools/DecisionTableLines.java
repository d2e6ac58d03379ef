package io.billwright.engine.ruleset.drools;

import io.billwright.engine.ruleset.RuleSetProblem;
import io.billwright.engine.ruleset.RuleSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Drools reports a decision-table error at a line of the DRL it generated from the table, which means
 * nothing to the analyst. For CSV tables, this finds the row of the rule the error names instead.
 */
final class DecisionTableLines {

    private static final Pattern RULE_NAME = Pattern.compile("rule \"([^\"]+)\"");

    private DecisionTableLines() {
    }

    static RuleSetProblem locate(RuleSetProblem problem, List<RuleSource> sources) {
        if (problem.file() == null || !problem.file().endsWith(".drl.csv")) {
            return problem;
        }
        RuleSource table = sources.stream().filter(s -> s.path().equals(problem.file())).findFirst().orElse(null);
        if (table == null) {
            return problem;
        }
        Matcher named = RULE_NAME.matcher(problem.message());
        String rule = named.find() ? named.group(1) : ruleAtGeneratedLine(table, problem.line());
        if (rule == null) {
            return new RuleSetProblem(problem.file(), 0, problem.message() + " (at line " + problem.line()
                    + " of the rules generated from this table)");
        }
        String[] lines = new String(table.content(), StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String first = firstCell(lines[i]);
            if (first.equals(rule)) {
                return new RuleSetProblem(problem.file(), i + 1, "row \"" + first + "\": " + problem.message());
            }
        }
        return problem;
    }

    /** The name of the generated rule that contains {@code line} of the DRL Drools generated from the table. */
    private static String ruleAtGeneratedLine(RuleSource table, int line) {
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(table.content()), InputType.CSV);
        } catch (RuntimeException e) {
            return null;
        }
        String[] lines = drl.split("\r?\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher named = RULE_NAME.matcher(lines[i]);
            if (lines[i].startsWith("rule ") && named.find()) {
                return named.group(1);
            }
        }
        return null;
    }

    private static String firstCell(String line) {
        if (line.startsWith("\"")) {
            int end = line.indexOf("\",", 1);
            return end < 0 ? line.replace("\"", "") : line.substring(1, end).replace("\"\"", "\"");
        }
        int comma = line.indexOf(',');
        return comma < 0 ? line : line.substring(0, comma);
    }
}
