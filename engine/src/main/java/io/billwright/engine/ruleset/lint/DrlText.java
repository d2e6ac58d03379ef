package io.billwright.engine.ruleset.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DRL file read for the lint: its package, imports and rule declarations with their lines, and its code
 * with comments and string literals blanked (line breaks kept), so a word inside a comment or a message
 * never counts as a use.
 */
final class DrlText {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^[ \\t]*package\\s+([\\w.]+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import\\s+(?:function\\s+|static\\s+)?([\\w.*]+)");
    private static final Pattern RULE = Pattern.compile(
            "(?m)^[ \\t]*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|([^\\s\"']+))");

    /** A name declared in the file, with its line. */
    record Declared(String name, int line) {
    }

    final String path;
    final String code;
    final Declared packageName;
    final List<Declared> imports = new ArrayList<>();
    final List<Declared> rules = new ArrayList<>();

    DrlText(String path, String text) {
        this.path = path;
        String withoutComments = blank(text, false);
        this.code = blank(text, true);
        Matcher pkg = PACKAGE.matcher(code);
        this.packageName = pkg.find() ? new Declared(pkg.group(1), lineOf(code, pkg.start(1))) : null;
        for (Matcher m = IMPORT.matcher(code); m.find(); ) {
            imports.add(new Declared(m.group(1), lineOf(code, m.start(1))));
        }
        for (Matcher m = RULE.matcher(withoutComments); m.find(); ) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            rules.add(new Declared(name.replace("\\\"", "\""), lineOf(withoutComments, m.start())));
        }
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The text with comments (and, if asked, string and character literals) replaced by spaces. */
    static String blank(String text, boolean strings) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '/' && next == '/' || c == '#' && (i == 0 || text.charAt(i - 1) == '\n')) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                keepLines(text, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                // a literal: skipped whole, so a "//" inside it is no comment; its content blanked if asked
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end, text.length());
                out.append(c);
                if (strings) {
                    keepLines(text, i + 1, end, out);
                } else {
                    out.append(text, i + 1, end);
                }
                if (end < text.length() && text.charAt(end) == c) {
                    out.append(c);
                    end++;
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void keepLines(String text, int from, int to, StringBuilder out) {
        for (int j = from; j < to; j++) {
            out.append(text.charAt(j) == '\n' ? '\n' : ' ');
        }
    }
}
