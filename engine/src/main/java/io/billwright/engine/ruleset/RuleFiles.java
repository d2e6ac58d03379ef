package io.billwright.engine.ruleset;

import java.util.ArrayList;
import java.util.List;

/**
 * Which files of a rule folder are rules. Drools reads {@code .drl} files and decision tables named
 * {@code *.drl.csv}, {@code *.drl.xls} or {@code *.drl.xlsx} and silently skips anything else, so a table
 * saved as {@code tax-rates.drl.cvs} would drop its rules without a word: every other file is refused,
 * with the name it was probably meant to have.
 */
public final class RuleFiles {

    private static final List<String> RULE_SUFFIXES = List.of(".drl", ".drl.csv", ".drl.xls", ".drl.xlsx");
    /** Files a rule folder may hold beside its rules: scenarios and notes. */
    private static final List<String> COMPANIONS = List.of(".yaml", ".yml", ".md", ".txt");

    /** A KJAR's module descriptor: a rule folder laid out as a Maven module's resources has one. */
    private static final String KMODULE = "META-INF/kmodule.xml";

    private RuleFiles() {
    }

    /** One problem per file that is neither a rule file nor a scenario or note. */
    public static List<RuleSetProblem> unrecognised(List<RuleSource> sources) {
        List<RuleSetProblem> out = new ArrayList<>();
        for (RuleSource source : sources) {
            String path = source.path();
            if (source.isDrl() || source.isDecisionTable() || COMPANIONS.stream().anyMatch(path::endsWith)
                    || path.equals(KMODULE)) {
                continue;
            }
            String guess = guess(path);
            out.add(new RuleSetProblem(path, 0, "Drools would skip this file: it reads only .drl files and decision"
                    + " tables named *.drl.csv, *.drl.xls or *.drl.xlsx" + (guess == null ? ""
                    : "; did you mean " + guess + "?")));
        }
        return out;
    }

    /** The rule-file name closest to {@code path}, or null when none is close. */
    static String guess(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.indexOf('.', slash + 1);
        if (dot < 0) {
            return null;
        }
        String stem = path.substring(0, dot);
        String suffix = path.substring(dot).toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : RULE_SUFFIXES) {
            int distance = Math.min(distance(suffix, candidate), distance(".drl" + suffix, candidate));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= 3 ? stem + best : null;
    }

    /** Levenshtein distance, counting a swap of two neighbours as one edit ({@code cvs} for {@code csv}). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
