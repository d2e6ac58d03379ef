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
