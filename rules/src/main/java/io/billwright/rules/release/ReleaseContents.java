package io.billwright.rules.release;

import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.drools.model.CompiledModule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a release jar holds besides its manifest and signature: the generated classes at their class-path
 * names, the sources under {@code sources/}, and a KJAR's {@code kmodule.xml} and model list, so Drools'
 * own tools recognise it too.
 */
public final class ReleaseContents {

    /** Where a release carries its scenarios, so a service can run them again before it deploys. */
    public static final String SCENARIOS = "scenarios/";

    private static final String KMODULE_XML = "<kmodule xmlns=\"http://www.drools.org/xsd/kmodule\"/>\n";

    private ReleaseContents() {
    }

    static Map<String, byte[]> entries(CompiledModule module) {
        Map<String, byte[]> entries = new HashMap<>();
        module.classes().forEach((name, bytes) -> entries.put(CompiledModule.entryName(name), bytes));
        module.sources().forEach(source -> entries.put(ReleaseJar.SOURCES + source.path(), source.content()));
        entries.put(ReleaseJar.KMODULE, ReleaseJar.utf8(KMODULE_XML));
        entries.put(ReleaseJar.MODEL_LIST, ReleaseJar.utf8(String.join("\n", module.modelClasses()) + "\n"));
        return entries;
    }

    /** Each scenario file by its entry name: its path below the files' common folder, under {@code scenarios/}. */
    static Map<String, java.nio.file.Path> scenarioEntries(List<java.nio.file.Path> files) {
        Map<String, java.nio.file.Path> out = new java.util.TreeMap<>();
        if (files.isEmpty()) {
            return out;
        }
        java.nio.file.Path root = files.get(0).toAbsolutePath().normalize().getParent();
        for (java.nio.file.Path file : files) {
            while (!file.toAbsolutePath().normalize().startsWith(root)) {
                root = root.getParent();
            }
        }
        for (java.nio.file.Path file : files) {
            String relative = root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
            out.put(SCENARIOS + relative, file);
        }
        return out;
    }

    /**
     * Writes the scenarios a release carries below {@code folder} and lists them, for running them again.
     */
    public static List<java.nio.file.Path> extractScenarios(byte[] jar, java.nio.file.Path folder)
            throws java.io.IOException {
        List<java.nio.file.Path> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : new java.util.TreeMap<>(ReleaseJar.read(jar)).entrySet()) {
            if (!entry.getKey().startsWith(SCENARIOS) || entry.getKey().contains("..")) {
                continue;
            }
            java.nio.file.Path target = folder.resolve(entry.getKey().substring(SCENARIOS.length())).normalize();
            if (!target.startsWith(folder)) {
                continue;
            }
            java.nio.file.Files.createDirectories(target.getParent());
            java.nio.file.Files.write(target, entry.getValue());
            out.add(target);
        }
        return out;
    }

    /** An unsigned jar of {@code module}, for the checking JVM to load. */
    public static byte[] staged(CompiledModule module) {
        return ReleaseJar.write(entries(module));
    }

    /** The module in a jar, signed or not: the caller has verified it, or is the checking JVM. */
    public static CompiledModule staged(byte[] jar) {
        return module(ReleaseJar.read(jar));
    }

    static CompiledModule module(Map<String, byte[]> entries) {
        Map<String, byte[]> classes = new HashMap<>();
        List<RuleSource> sources = new ArrayList<>();
        entries.forEach((name, bytes) -> {
            if (name.endsWith(".class")) {
                classes.put(CompiledModule.binaryName(name), bytes);
            } else if (name.startsWith(ReleaseJar.SOURCES)) {
                sources.add(new RuleSource(name.substring(ReleaseJar.SOURCES.length()), bytes));
            }
        });
        byte[] models = entries.get(ReleaseJar.MODEL_LIST);
        if (models == null) {
            throw new ReleaseRefusedException(ReleaseRefusedException.Reason.UNREADABLE,
                    "the release has no model list (" + ReleaseJar.MODEL_LIST + ")");
        }
        List<String> modelClasses = new String(models, StandardCharsets.UTF_8).lines().map(String::trim)
                .filter(line -> !line.isEmpty()).toList();
        return new CompiledModule(classes, modelClasses, sources);
    }
}
