package io.billwright.engine.ruleset.drools;

import io.billwright.engine.ruleset.RuleSetHashing;
import io.billwright.engine.ruleset.RuleSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Builds a rule set one folder at a time and keeps what each folder compiled to, keyed by the folder's
 * content: a reload after an analyst changed one file compiles that file's folder and reuses the others
 * (Drools gives each knowledge base its own copy of a package another one already uses).
 *
 * <p>It declines, and the whole rule set is then compiled at once, when a folder does not compile on its
 * own (a rule using a function, type or global from another folder; or any error, which the whole build
 * then reports with its file and line) or when two folders declare the same package.
 */
final class FolderBuilds {

    /** Folders' compiled packages kept: the folders of several versions of a rule set, or of several sets. */
    private static final int KEPT = 64;

    private final ClassLoader classPath;
    private final Map<String, Collection<KiePackage>> compiled = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Collection<KiePackage>> eldest) {
            return size() > KEPT;
        }
    };

    private final AtomicInteger folderBuilds = new AtomicInteger();

    FolderBuilds(ClassLoader classPath) {
        this.classPath = classPath;
    }

    /** The knowledge base, or empty when the rule set must be compiled as a whole. */
    Optional<KieBase> build(List<RuleSource> ruleFiles) {
        List<Collection<KiePackage>> folders = new ArrayList<>();
        Set<String> packages = new HashSet<>();
        for (List<RuleSource> folder : byFolder(ruleFiles).values()) {
            Optional<Collection<KiePackage>> built = packagesOf(folder);
            if (built.isEmpty()) {
                return Optional.empty();
            }
            for (KiePackage pkg : built.get()) {
                if (declaresAnything(pkg) && !packages.add(pkg.getName())) {
                    return Optional.empty(); // one package over two folders: only a whole build sees both halves
                }
            }
            folders.add(built.get());
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(null, classPath));
        folders.forEach(base::addPackages);
        return Optional.of(base);
    }

    private Optional<Collection<KiePackage>> packagesOf(List<RuleSource> folder) {
        String key = RuleSetHashing.hash(folder);
        synchronized (compiled) {
            Collection<KiePackage> known = compiled.get(key);
            if (known != null) {
                return Optional.of(known);
            }
        }
        folderBuilds.incrementAndGet();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classPath));
        CompositeKnowledgeBuilder batch = builder.batch();
        for (RuleSource source : folder) {
            Resource resource = ResourceFactory.newByteArrayResource(source.content());
            resource.setSourcePath(source.path());
            if (source.isDecisionTable()) {
                DecisionTableConfiguration table = KnowledgeBuilderFactory.newDecisionTableConfiguration();
                table.setInputType(source.path().endsWith(".csv") ? DecisionTableInputType.CSV
                        : source.path().endsWith(".xls") ? DecisionTableInputType.XLS : DecisionTableInputType.XLSX);
                batch.add(resource, ResourceType.DTABLE, table);
            } else {
                batch.add(resource, ResourceType.DRL);
            }
        }
        batch.build();
        if (builder.hasErrors()) {
            return Optional.empty();
        }
        Collection<KiePackage> packages = List.copyOf(builder.getKnowledgePackages());
        synchronized (compiled) {
            compiled.put(key, packages);
        }
        return Optional.of(packages);
    }

    /**
     * Whether a package holds anything of the rule set's own. Every folder's build also yields packages
     * that only describe the fact classes it matched ({@code java.lang} for a rule on strings); those
     * merge like they do in a whole build.
     */
    private static boolean declaresAnything(KiePackage pkg) {
        return !pkg.getRules().isEmpty() || !pkg.getFunctionNames().isEmpty() || !pkg.getGlobalVariables().isEmpty()
                || !pkg.getFactTypes().isEmpty() || !pkg.getQueries().isEmpty();
    }

    /** How many times a folder was compiled rather than taken from what was kept. */
    int folderBuilds() {
        return folderBuilds.get();
    }

    private static Map<String, List<RuleSource>> byFolder(List<RuleSource> ruleFiles) {
        Map<String, List<RuleSource>> folders = new TreeMap<>();
        for (RuleSource source : ruleFiles) {
            int slash = source.path().lastIndexOf('/');
            folders.computeIfAbsent(slash < 0 ? "" : source.path().substring(0, slash), k -> new ArrayList<>())
                    .add(source);
        }
        return folders;
    }
}
