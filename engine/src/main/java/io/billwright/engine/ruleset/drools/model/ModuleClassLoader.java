package io.billwright.engine.ruleset.drools.model;

import java.util.Map;

/**
 * Defines a compiled module's classes, and only those, on top of the engine's class loader. One loader per
 * rule-set version, so a version that is no longer kept is collected with its classes.
 */
final class ModuleClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    ModuleClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super("billwright-rule-set", parent);
        this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
