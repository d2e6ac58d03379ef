package io.billwright.engine.ruleset.lint;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks a rule set must pass before it may decide anything. DRL is Java, and Drools no longer has a
 * sandbox: this lint is what stands between a rule file and the server. It finds
 * <ul>
 *   <li>rules without a business-readable name or without a description ({@code @description});</li>
 *   <li>two rules with one name (receipts name rules by name);</li>
 *   <li>any type outside the fact model, {@code java.math}, {@code java.time} and the {@code java.util}
 *       collections, and any use of {@code System}, {@code Runtime}, processes, reflection, threads,
 *       files or the network, in a rule or a function;</li>
 *   <li>a package that does not match the file's folder (a warning).</li>
 * </ul>
 */
public final class RuleLint {

    /** The fact model: the engine packages whose types rules may match, insert and call. */
    private static final List<String> FACT_MODEL = List.of("io.billwright.engine.contract.", "io.billwright.engine.item.",
            "io.billwright.engine.facts.", "io.billwright.engine.decision.", "io.billwright.engine.tax.",
            "io.billwright.engine.money.", "io.billwright.engine.event.", "io.billwright.engine.billing.",
            "io.billwright.engine.retention.", "io.billwright.engine.eligibility.");

    private static final Set<String> JAVA_LANG = Set.of("String", "Math", "Integer", "Long", "Boolean", "Character",
            "StringBuilder", "Comparable", "Number", "Enum", "Iterable", "CharSequence", "Object");

    /** Simple names that reach the process, the machine or the class loader, whatever is imported. */
    private static final Map<String, String> FORBIDDEN = forbidden();

    /** Methods that open reflection or the process on any object. */
    private static final Map<String, String> FORBIDDEN_MEMBERS = Map.of(
            "getClass", "reflection can reach anything on the server",
            "forName", "reflection can reach anything on the server",
            "getDeclaredMethod", "reflection can reach anything on the server",
            "getDeclaredField", "reflection can reach anything on the server",
            "getMethod", "reflection can reach anything on the server",
            "setAccessible", "reflection can reach anything on the server",
            "getRuntime", "a rule may not reach the process or the machine",
            "exec", "a rule may not reach the process or the machine",
            "exit", "a rule may not reach the process or the machine");

    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z_][\\w]*\\.){2,}[A-Za-z_]\\w*)");
    private static final Pattern WORD = Pattern.compile("\\b([A-Za-z_]\\w*)\\b");
    private static final Pattern GENERATED_NAME = Pattern.compile(".*_\\d+$|^[Rr]ule\\s*\\d*$|^Row \\d+.*");

    /**
     * Lints a rule set.
     *
     * @param sources  the files as read
     * @param compiled the rules they compiled to (empty when they did not compile: the source checks still run)
     */
    public List<Finding> check(List<RuleSource> sources, List<RuleInfo> compiled) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<String>> declaredIn = new HashMap<>();
        Map<String, Integer> declaredAt = new HashMap<>();
        for (RuleSource source : sources) {
            if (source.isDrl()) {
                DrlText drl = new DrlText(source.path(), new String(source.content(), StandardCharsets.UTF_8));
                checkPackage(drl, findings);
                checkImports(drl, findings);
                checkCode(drl, findings);
                for (DrlText.Declared rule : drl.rules) {
                    declaredIn.computeIfAbsent(rule.name(), k -> new ArrayList<>()).add(source.path());
                    declaredAt.put(source.path() + "\u0000" + rule.name(), rule.line());
                }
            } else if (source.isDecisionTable() && source.path().endsWith(".csv")) {
                checkTable(source, findings);
            }
        }
        checkRules(compiled, declaredIn, declaredAt, findings);
        findings.sort(java.util.Comparator.comparing((Finding f) -> f.file() == null ? "" : f.file())
                .thenComparingInt(Finding::line));
        return List.copyOf(findings);
    }

    private static void checkRules(List<RuleInfo> compiled, Map<String, List<String>> declaredIn,
                                   Map<String, Integer> declaredAt, List<Finding> findings) {
        Map<String, List<RuleInfo>> byName = new HashMap<>();
        compiled.forEach(rule -> byName.computeIfAbsent(rule.name(), k -> new ArrayList<>()).add(rule));
        for (RuleInfo rule : compiled) {
            List<String> files = declaredIn.getOrDefault(rule.name(), List.of());
            String file = files.isEmpty() ? null : files.get(0);
            int line = file == null ? 0 : declaredAt.getOrDefault(file + "\u0000" + rule.name(), 0);
            String where = file == null ? "decision table rule" : "rule";
            if (GENERATED_NAME.matcher(rule.name()).matches()) {
                findings.add(Finding.error(file, line, where + " \"" + rule.name() + "\" has a generated name: give it a"
                        + " name a business reader understands (a NAME column in a decision table)"));
            } else if (!rule.name().contains(" ")) {
                findings.add(Finding.warning(file, line, where + " \"" + rule.name() + "\" is one word: a name that"
                        + " says what the rule decides reads better in every receipt"));
            }
            if (rule.description().isBlank() && file != null) {
                findings.add(Finding.error(file, line, "rule \"" + rule.name() + "\" has no description: add"
                        + " @description(\"...\") under its name; every decision receipt shows it"));
            }
        }
        byName.forEach((name, rules) -> {
            if (rules.size() > 1) {
                List<String> files = declaredIn.getOrDefault(name, List.of());
                String packages = String.join(", ", rules.stream().map(RuleInfo::packageName).toList());
                findings.add(Finding.error(files.isEmpty() ? null : files.get(files.size() - 1),
                        files.isEmpty() ? 0 : declaredAt.getOrDefault(files.get(files.size() - 1) + "\u0000" + name, 0),
                        "two rules are named \"" + name + "\" (packages " + packages + "): receipts name rules by"
                                + " name, so each name must be unique across the rule set"));
            }
        });
    }

    /** A decision table's rules are described by the table: it needs a Notes row saying what it decides. */
    private static void checkTable(RuleSource table, List<Finding> findings) {
        String text = new String(table.content(), StandardCharsets.UTF_8);
        boolean described = text.lines().anyMatch(line -> line.matches("(?i)^\"?Notes\"?\\s*,\\s*\"?[^,\"\\s].*"));
        if (!described) {
            findings.add(Finding.error(table.path(), 0, "decision table has no description: add a row"
                    + " 'Notes,<what the table decides>' above the RuleTable"));
        }
    }

    private static void checkPackage(DrlText drl, List<Finding> findings) {
        if (drl.packageName == null) {
            findings.add(Finding.warning(drl.path, 1, "no package line: add 'package billwright." + folderOf(drl.path)
                    + "' so the rules are filed with their concern"));
            return;
        }
        String folder = folderOf(drl.path);
        String expected = folder.isEmpty() ? null : "billwright." + folder.replace('/', '.');
        if (expected != null && !drl.packageName.name().equals(expected)) {
            findings.add(Finding.warning(drl.path, drl.packageName.line(), "package " + drl.packageName.name()
                    + " does not match the folder " + folder + "/: name it " + expected + " (or move the file), so"
                    + " the rule is found where its package says it is"));
        }
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static void checkImports(DrlText drl, List<Finding> findings) {
        for (DrlText.Declared imported : drl.imports) {
            String reason = disallowed(imported.name());
            if (reason != null) {
                findings.add(Finding.error(drl.path, imported.line(), "import " + imported.name() + " is not allowed: "
                        + reason));
            }
        }
    }

    /** Fully qualified names and forbidden simple names anywhere in rule conditions, actions and functions. */
    private static void checkCode(DrlText drl, List<Finding> findings) {
        String[] lines = drl.code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.trim().startsWith("import ") || line.trim().startsWith("package ")) {
                continue;
            }
            for (Matcher m = QUALIFIED.matcher(line); m.find(); ) {
                String reason = disallowed(m.group(1));
                if (reason != null) {
                    findings.add(Finding.error(drl.path, i + 1, m.group(1) + " is not allowed: " + reason));
                }
            }
            for (Matcher m = WORD.matcher(line); m.find(); ) {
                String why = afterDot(line, m.start()) ? FORBIDDEN_MEMBERS.get(m.group(1)) : FORBIDDEN.get(m.group(1));
                if (why != null) {
                    findings.add(Finding.error(drl.path, i + 1, m.group(1) + " is not allowed in a rule: " + why));
                }
            }
        }
    }

    /** {@code $x.path} is a member of a fact, not the type {@code Path}; only some members are forbidden. */
    private static boolean afterDot(String line, int start) {
        int j = start - 1;
        while (j >= 0 && line.charAt(j) == ' ') {
            j--;
        }
        return j >= 0 && line.charAt(j) == '.';
    }

    /** Why a qualified type may not be used, or null when it may. */
    static String disallowed(String qualified) {
        String name = qualified.endsWith(".*") ? qualified.substring(0, qualified.length() - 1) : qualified;
        if (FACT_MODEL.stream().anyMatch(name::startsWith) || name.startsWith("java.math.")
                || name.startsWith("java.time.")) {
            return null;
        }
        if (name.startsWith("java.util.")) {
            String rest = name.substring("java.util.".length());
            return rest.contains(".") || rest.isEmpty() ? "of java.util only the collections and their helpers"
                    + " (java.util.List, Map, Set, ...) may be used, not " + name : null;
        }
        if (name.startsWith("java.lang.")) {
            String simple = name.substring("java.lang.".length());
            return JAVA_LANG.contains(simple) ? null : "of java.lang only " + String.join(", ", JAVA_LANG.stream()
                    .sorted().toList()) + " may be used";
        }
        if (!Character.isLowerCase(name.charAt(0)) || !name.contains(".")) {
            return null; // not a qualified name (a fact's field chain like $c.rateCard().rate is caught elsewhere)
        }
        if (!looksLikeType(name)) {
            return null;
        }
        return "rules may use only the fact model (io.billwright.engine), java.math, java.time and java.util"
                + " collections";
    }

    /** a.b.C or a.b.* : a package path ending in a type; $c.rateCard().x is no type. */
    private static boolean looksLikeType(String name) {
        String[] parts = name.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].isEmpty() || !Character.isLowerCase(parts[i].charAt(0))) {
                return false;
            }
        }
        String last = parts[parts.length - 1];
        return last.equals("*") || last.equals("") || Character.isUpperCase(last.charAt(0))
                || name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("sun.")
                || name.startsWith("jdk.") || name.startsWith("org.") || name.startsWith("com.");
    }

    private static Map<String, String> forbidden() {
        Map<String, String> map = new HashMap<>();
        String process = "a rule may not reach the process or the machine";
        String reflection = "reflection can reach anything on the server";
        String threads = "rules run on the service's threads and must not start their own";
        String io = "rules decide from the facts they are given, never from files or the network";
        for (String name : List.of("System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "Shutdown")) {
            map.put(name, process);
        }
        for (String name : List.of("Class", "ClassLoader", "getClass", "forName", "Method", "Field", "Constructor",
                "Proxy", "MethodHandles", "MethodHandle", "Unsafe", "ScriptEngineManager")) {
            map.put(name, reflection);
        }
        for (String name : List.of("Thread", "ThreadGroup", "Executors", "ExecutorService", "ForkJoinPool",
                "CompletableFuture", "Timer", "TimerTask")) {
            map.put(name, threads);
        }
        for (String name : List.of("File", "Files", "Path", "Paths", "FileInputStream", "FileOutputStream",
                "FileReader", "FileWriter", "RandomAccessFile", "Socket", "ServerSocket", "DatagramSocket", "URL",
                "URI", "URLConnection", "HttpURLConnection", "HttpClient", "InetAddress")) {
            map.put(name, io);
        }
        return Map.copyOf(map);
    }
}
