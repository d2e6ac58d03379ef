package io.billwright.engine.ruleset.lint;

import io.billwright.engine.ruleset.RuleSource;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of every rule by name, whitespace and comments normalised away: a DRL rule from its
 * {@code rule} line to its {@code end}, a decision-table rule as its row. Two rule sets' texts compared
 * say which rules changed.
 */
public final class RuleTexts {

    /** A rule's text and the file it is in. */
    public record RuleText(String file, String text) {
    }

    private RuleTexts() {
    }

    public static Map<String, RuleText> of(List<RuleSource> sources) {
        Map<String, RuleText> texts = new LinkedHashMap<>();
        for (RuleSource source : sources) {
            String content = new String(source.content(), StandardCharsets.UTF_8);
            if (source.isDrl()) {
                DrlText drl = new DrlText(source.path(), content);
                String[] lines = DrlText.blank(content, false).split("\n", -1);
                for (DrlText.Declared rule : drl.rules) {
                    StringBuilder body = new StringBuilder();
                    for (int i = rule.line() - 1; i < lines.length; i++) {
                        body.append(lines[i].trim().replaceAll("\\s+", " ")).append('\n');
                        if (i > rule.line() - 1 && lines[i].trim().equals("end")) {
                            break;
                        }
                    }
                    texts.put(rule.name(), new RuleText(source.path(), body.toString().replaceAll("\n+", "\n")));
                }
            } else if (source.isDecisionTable() && source.path().endsWith(".csv")) {
                // a row's first cell is its NAME (the default tables put the NAME column first)
                content.lines().forEach(line -> {
                    String first = firstCell(line);
                    if (!first.isEmpty()) {
                        texts.putIfAbsent(first, new RuleText(source.path(), line.trim()));
                    }
                });
            }
        }
        return texts;
    }

    private static String firstCell(String line) {
        if (line.startsWith("\"")) {
            int end = line.indexOf('"', 1);
            return end < 0 ? "" : line.substring(1, end);
        }
        int comma = line.indexOf(',');
        return (comma < 0 ? line : line.substring(0, comma)).trim();
    }
}
