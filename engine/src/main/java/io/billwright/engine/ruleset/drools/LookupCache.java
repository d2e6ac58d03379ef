package io.billwright.engine.ruleset.drools;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader Drools compiles with: the application's own, with every resource lookup and every
 * class it could not find remembered. Compiling a rule set asks the class path for thousands of names that
 * are not there (each imported package is tried for each simple type name, the Java compiler asks whether
 * each name is a package); in a Spring Boot jar every such miss walks all nested jars. The application's
 * class path does not change while it runs, so the answers can be kept; classes themselves still come
 * from the parent, so a fact's class is the same class in every rule set.
 */
final class LookupCache extends ClassLoader {

    /** Enough for many rule sets' lookups; past it, lookups are simply not remembered. */
    private static final int LIMIT = 100_000;

    static {
        registerAsParallelCapable();
    }

    private final Map<String, Optional<URL>> resources = new ConcurrentHashMap<>();
    private final Set<String> missingClasses = ConcurrentHashMap.newKeySet();

    LookupCache(ClassLoader parent) {
        super("billwright-rule-compiler", parent);
    }

    @Override
    public URL getResource(String name) {
        Optional<URL> known = resources.get(name);
        if (known != null) {
            return known.orElse(null);
        }
        URL found = super.getResource(name);
        if (resources.size() < LIMIT) {
            resources.put(name, Optional.ofNullable(found));
        }
        return found;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missingClasses.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            if (missingClasses.size() < LIMIT) {
                missingClasses.add(name);
            }
            throw e;
        }
    }
}
