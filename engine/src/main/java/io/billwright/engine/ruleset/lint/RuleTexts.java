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

    /** Where a rule is written: its file and the line of its {@code rule} keyword, or its table row. */
    public record Location(String file, int line) {
    }

    /** Every rule's location by name: a DRL rule's {@code rule} line, a decision-table rule's row. */
    public static Map<String, Location> locations(List<RuleSource> sources) {
        Map<String, Location> out = new LinkedHashMap<>();
        for (RuleSource source : sources) {
            String content = new String(source.content(), StandardCharsets.UTF_8);
            if (source.isDrl()) {
                for (DrlText.Declared rule : new DrlText(source.path(), content).rules) {
                    out.putIfAbsent(rule.name(), new Location(source.path(), rule.line()));
                }
            } else if (source.isDecisionTable() && source.path().endsWith(".csv")) {
                List<String> lines = content.lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    String first = firstCell(lines.get(i));
                    if (!first.isEmpty()) {
                        out.putIfAbsent(first, new Location(source.path(), i + 1));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every rule's description as a reader should see it: its {@code @description}, or for a decision-table
     * rule without one, the table's {@code Notes}.
     */
    public static Map<String, String> descriptions(List<RuleSource> sources,
                                                   List<io.billwright.engine.ruleset.RuleInfo> rules) {
        Map<String, RuleText> texts = of(sources);
        Map<String, String> notes = new java.util.HashMap<>();
        for (RuleSource source : sources) {
            if (source.isDecisionTable() && source.path().endsWith(".csv")) {
                new String(source.content(), StandardCharsets.UTF_8).lines()
                        .filter(line -> line.regionMatches(true, 0, "Notes,", 0, 6)).findFirst()
                        .ifPresent(line -> notes.put(source.path(), unquote(line.substring(6).trim())));
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var rule : rules) {
            RuleText text = texts.get(rule.name());
            String fallback = text == null ? null : notes.get(text.file());
            out.put(rule.name(), !rule.description().isBlank() || fallback == null ? rule.description() : fallback);
        }
        return out;
    }

    private static String unquote(String cell) {
        return cell.length() > 1 && cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
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
