package io.billwright.engine.ruleset.drools.model;

import io.billwright.engine.ruleset.RuleSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A rule set compiled by the executable model: the classes Drools generated (by binary name), the names of
 * the {@code Model} classes that list its rules, and the sources it was compiled from.
 *
 * @param classes      class bytes by binary name ({@code billwright.tax.P14.LambdaPredicate...})
 * @param modelClasses the generated {@code org.drools.model.Model} implementations, one per package
 * @param sources      the DRL files and decision tables compiled
 */
public record CompiledModule(Map<String, byte[]> classes, List<String> modelClasses, List<RuleSource> sources) {

    public CompiledModule {
        Objects.requireNonNull(classes, "classes");
        classes = java.util.Collections.unmodifiableMap(new TreeMap<>(classes));
        modelClasses = List.copyOf(modelClasses);
        sources = List.copyOf(sources);
    }

    /** A class file's entry name in a jar for a binary class name. */
    public static String entryName(String binaryName) {
        return binaryName.replace('.', '/') + ".class";
    }

    /** The binary class name of a jar entry ending in {@code .class}. */
    public static String binaryName(String entryName) {
        return entryName.substring(0, entryName.length() - ".class".length()).replace('/', '.');
    }
}
