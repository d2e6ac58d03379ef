package io.billwright.engine.ruleset.bytecode;

import io.billwright.engine.ruleset.lint.Finding;
import io.billwright.engine.ruleset.lint.RuleTexts;
import io.billwright.engine.ruleset.drools.model.CompiledModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads every class a rule set compiled to and refuses any use outside the {@link Allowlist}: the gate
 * between an analyst's text and the server. A source lint can be dodged (names built at run time, say);
 * the compiled code cannot hide what it calls.
 *
 * <p>Each finding names the rule whose code it is, with that rule's file and line. Which rule a class
 * belongs to is read from the generated rule methods: each builds one rule, named by a string constant,
 * from the lambda classes it references.
 */
public final class BytecodeCheck {

    /**
     * What the check found, and every fact-model member the rule set uses, as {@link FactModelCheck} reads
     * them (a release carries them, and a service checks its own fact model still has each).
     */
    public record Result(List<Finding> findings, Set<String> factModelUses) {
        public boolean passed() {
            return findings.stream().noneMatch(Finding::isError);
        }
    }

    private static final String FACT_MODEL = "io/billwright/engine/";

    public Result check(CompiledModule module) {
        Map<String, ClassScanner> scanned = new LinkedHashMap<>();
        module.classes().forEach((name, bytes) -> scanned.put(name, ClassScanner.scan(bytes, name)));
        Set<String> internal = new java.util.HashSet<>();
        module.classes().keySet().forEach(name -> internal.add(name.replace('.', '/')));
        Map<String, RuleTexts.Location> locations = RuleTexts.locations(module.sources());
        Map<String, Set<String>> rulesOf = rulesByClass(scanned, locations.keySet());

        Map<String, Finding> findings = new LinkedHashMap<>();
        for (Map.Entry<String, ClassScanner> entry : scanned.entrySet()) {
            String problem = nameProblem(entry.getKey(), entry.getValue().declaredName());
            if (problem != null) {
                Finding finding = Finding.error(null, 0, "the rule set's class " + entry.getKey() + " " + problem);
                findings.putIfAbsent(finding.toString(), finding);
            }
        }
        for (String from : Recursion.find(scanned.values(), internal)) {
            for (Finding finding : locate(from, "uses recursion (a method of the rule set calls itself, directly or"
                    + " through others): a rule's action cannot be interrupted", rulesOf, locations)) {
                findings.putIfAbsent(finding.toString(), finding);
            }
        }
        Set<String> uses = new TreeSet<>();
        for (ClassScanner scanner : scanned.values()) {
            for (Reference reference : scanner.references()) {
                if (reference.problem() == null && internal.contains(reference.owner())) {
                    continue; // the module's own classes are checked themselves
                }
                String why = reference.problem() != null ? null : Allowlist.refusal(reference);
                if (reference.problem() == null && why == null) {
                    if (reference.owner().startsWith(FACT_MODEL) && reference.member() != null) {
                        uses.add(FactModelCheck.use(reference.owner(), reference.member(), reference.descriptor()));
                    }
                    continue;
                }
                String what = reference.problem() != null ? "uses " + reference.problem()
                        : (reference.member() == null ? "uses " : "calls ") + reference.readable() + ", and " + why;
                for (Finding finding : locate(reference.from(), what, rulesOf, locations)) {
                    findings.putIfAbsent(finding.toString(), finding);
                }
            }
        }
        return new Result(List.copyOf(findings.values()), uses);
    }

    /** Packages a rule set may not define classes in: they would shadow, or pose as, the platform's own. */
    private static final List<String> RESERVED = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/", "org/drools/",
            "org/kie/", "org/mvel2/", "io/billwright/");

    /**
     * Why a module class may not be loaded as named: its class file states another name, it sits in a
     * reserved package, or the service's class path already has a class of that name (which a parent-first
     * class loader would load instead, while the check trusted the module's).
     */
    private static String nameProblem(String binaryName, String declared) {
        String internal = binaryName.replace('.', '/');
        if (!internal.equals(declared)) {
            return "is stored under a name that is not its own (its class file says " + declared + ")";
        }
        if (RESERVED.stream().anyMatch(internal::startsWith)) {
            return "is in a package a rule set may not define classes in";
        }
        try {
            Class.forName(binaryName, false, BytecodeCheck.class.getClassLoader());
            return "has the name of a class the service already has";
        } catch (ClassNotFoundException | LinkageError expected) {
            return null;
        }
    }

    private static List<Finding> locate(String from, String what, Map<String, Set<String>> rulesOf,
                                        Map<String, RuleTexts.Location> locations) {
        Set<String> rules = rulesOf.getOrDefault(from, Set.of());
        if (rules.isEmpty()) {
            return List.of(Finding.error(null, 0, "the rule set's code (" + from + ") " + what));
        }
        List<Finding> out = new ArrayList<>();
        for (String rule : rules) {
            RuleTexts.Location at = locations.get(rule);
            out.add(Finding.error(at == null ? null : at.file(), at == null ? 0 : at.line(),
                    "rule \"" + rule + "\" " + what));
        }
        return out;
    }

    /**
     * The rules each generated class serves: a generated rule method names its rule in a string constant
     * and references its constraint and consequence classes.
     */
    private static Map<String, Set<String>> rulesByClass(Map<String, ClassScanner> scanned, Set<String> ruleNames) {
        Map<String, Set<String>> out = new HashMap<>();
        for (ClassScanner scanner : scanned.values()) {
            for (ClassScanner.MethodFacts method : scanner.methods()) {
                List<String> named = method.strings().stream().filter(ruleNames::contains).distinct().toList();
                if (named.isEmpty()) {
                    continue;
                }
                for (String owner : method.owners()) {
                    String binary = owner.replace('/', '.');
                    if (scanned.containsKey(binary)) {
                        out.computeIfAbsent(binary, k -> new LinkedHashSet<>()).addAll(named);
                    }
                }
            }
        }
        return out;
    }
}
