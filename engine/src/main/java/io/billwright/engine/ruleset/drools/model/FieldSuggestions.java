package io.billwright.engine.ruleset.drools.model;

import io.billwright.engine.ruleset.RuleFiles;
import io.billwright.engine.ruleset.RuleSetProblem;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools words a misspelt fact field as its strict-mode resolution failure ("unable to resolve method
 * using strict-mode: io.billwright.engine.item.TimeEntry.billabel()"). This says what an analyst needs:
 * the fact has no such field, the nearest one, and the fields it has.
 */
final class FieldSuggestions {

    private static final Pattern UNRESOLVED = Pattern.compile(
            "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");

    private FieldSuggestions() {
    }

    static List<RuleSetProblem> explain(List<RuleSetProblem> problems) {
        return problems.stream().map(FieldSuggestions::explain).toList();
    }

    static RuleSetProblem explain(RuleSetProblem problem) {
        Matcher m = UNRESOLVED.matcher(problem.message());
        if (!m.find()) {
            return problem;
        }
        Class<?> type;
        try {
            type = Class.forName(m.group(1), false, FieldSuggestions.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return problem;
        }
        String field = m.group(2);
        Set<String> fields = fieldsOf(type);
        String nearest = fields.stream().min(Comparator.comparingInt(f -> RuleFiles.distance(f.toLowerCase(),
                field.toLowerCase()))).orElse(null);
        boolean close = nearest != null && RuleFiles.distance(nearest.toLowerCase(), field.toLowerCase())
                <= Math.max(2, field.length() / 3);
        return new RuleSetProblem(problem.file(), problem.line(), type.getSimpleName() + " has no field \"" + field
                + "\"" + (close ? ": did you mean \"" + nearest + "\"?" : "") + " (its fields: " + String.join(", ", fields)
                + ")");
    }

    private static Set<String> fieldsOf(Class<?> type) {
        Set<String> out = new TreeSet<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                out.add(component.getName());
            }
        }
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class || method.getReturnType() == void.class) {
                continue;
            }
            String name = method.getName();
            if (name.startsWith("get") && name.length() > 3) {
                out.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
            } else if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
                out.add(Character.toLowerCase(name.charAt(2)) + name.substring(3));
            }
        }
        out.remove("class");
        return out;
    }
}
