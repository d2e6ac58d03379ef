package io.billwright.engine.ruleset.bytecode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.objectweb.asm.Type;

/**
 * Whether this engine's fact model still has every member a compiled rule set uses. A release compiled
 * against another fact model would otherwise fail at its first firing ({@code NoSuchMethodError}); checked
 * when it is deployed, it is refused with the members that are gone.
 *
 * <p>A use reads {@code owner#name(descriptor)} for a method or constructor and {@code owner#name:descriptor}
 * for a field, with internal names ({@code io/billwright/engine/facts/Hold#of(...)...}).
 */
public final class FactModelCheck {

    private FactModelCheck() {
    }

    static String use(String owner, String member, String descriptor) {
        return owner + "#" + member + (descriptor.startsWith("(") ? descriptor : ":" + descriptor);
    }

    /** The uses this class path cannot satisfy, each as {@code Hold.of(...)}, in the order given. */
    public static List<String> missing(Collection<String> uses, ClassLoader loader) {
        List<String> out = new ArrayList<>();
        for (String use : uses) {
            if (!present(use, loader)) {
                out.add(use);
            }
        }
        return out;
    }

    private static boolean present(String use, ClassLoader loader) {
        int hash = use.indexOf('#');
        if (hash < 0) {
            return false;
        }
        Class<?> owner;
        try {
            owner = Class.forName(use.substring(0, hash).replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        String rest = use.substring(hash + 1);
        int paren = rest.indexOf('(');
        if (paren >= 0) {
            String name = rest.substring(0, paren);
            String descriptor = rest.substring(paren);
            if (name.equals("<init>")) {
                return Stream.of(owner.getDeclaredConstructors())
                        .map(Type::getConstructorDescriptor).anyMatch(descriptor::equals);
            }
            return Stream.concat(Stream.of(owner.getMethods()), Stream.of(owner.getDeclaredMethods()))
                    .filter(m -> m.getName().equals(name)).map(Type::getMethodDescriptor).anyMatch(descriptor::equals);
        }
        int colon = rest.indexOf(':');
        String name = rest.substring(0, colon);
        String descriptor = rest.substring(colon + 1);
        return Stream.concat(Stream.of(owner.getFields()), Stream.of(owner.getDeclaredFields()))
                .filter(f -> f.getName().equals(name)).map(f -> Type.getDescriptor(f.getType()))
                .anyMatch(descriptor::equals);
    }

}
