package io.billwright.engine.ruleset.bytecode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds recursion among a rule set's own methods: a call, or a lambda handle, from a method back to itself
 * through any chain of the module's methods. Without loops and without recursion, a rule's action ends
 * after a number of steps its code bounds; a recursive DRL {@code function} would not.
 */
final class Recursion {

    private Recursion() {
    }

    /** The binary names of the classes whose methods take part in a cycle. */
    static Set<String> find(Collection<ClassScanner> classes, Set<String> moduleClasses) {
        Map<String, Set<String>> calls = new HashMap<>();
        Map<String, String> classOf = new HashMap<>();
        for (ClassScanner scanner : classes) {
            for (ClassScanner.MethodFacts method : scanner.methods()) {
                Set<String> internal = new HashSet<>();
                for (String call : method.calls()) {
                    String owner = call.substring(0, call.indexOf('.'));
                    if (moduleClasses.contains(owner)) {
                        internal.add(call);
                    }
                }
                calls.put(method.id(), internal);
                classOf.put(method.id(), scanner.declaredName().replace('/', '.'));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer> state = new HashMap<>(); // 1: on the current path, 2: done
        for (String start : calls.keySet()) {
            if (!state.containsKey(start)) {
                visit(start, calls, state, new ArrayList<>(), classOf, out);
            }
        }
        return out;
    }

    private static void visit(String method, Map<String, Set<String>> calls, Map<String, Integer> state,
                              List<String> path, Map<String, String> classOf, Set<String> out) {
        state.put(method, 1);
        path.add(method);
        for (String next : calls.getOrDefault(method, Set.of())) {
            Integer seen = state.get(next);
            if (seen == null && calls.containsKey(next)) {
                visit(next, calls, state, path, classOf, out);
            } else if (seen != null && seen == 1) {
                for (String member : path.subList(path.indexOf(next), path.size())) {
                    out.add(classOf.get(member));
                }
            }
        }
        path.remove(path.size() - 1);
        state.put(method, 2);
    }
}
