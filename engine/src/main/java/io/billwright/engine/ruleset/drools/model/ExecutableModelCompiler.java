package io.billwright.engine.ruleset.drools.model;

import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSetProblem;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.drools.DroolsRuleSetCompiler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles DRL files and decision tables with Drools' executable model: every constraint and consequence
 * becomes a Java class, which the bytecode check can read and a release can carry. Compiling runs no rule.
 *
 * <p>The executable model reports problems with fewer locations than the plain DRL build, so when it
 * fails, the plain build is asked too and its located problems are reported; problems only the
 * executable model sees are reported as it words them.
 */
public final class ExecutableModelCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final Object BUILD_LOCK = new Object();
    private static final String PROJECT_MODEL = "org/drools/project/model/";

    /**
     * @throws RuleSetException listing every problem as {@code file:line: message}
     */
    public CompiledModule compile(List<RuleSource> sources) {
        List<RuleSetProblem> problems = new ArrayList<>();
        List<RuleSource> ruleFiles = sources.stream().filter(s -> s.isDrl() || s.isDecisionTable()).toList();
        if (ruleFiles.isEmpty()) {
            problems.add(new RuleSetProblem(null, 0,
                    "the rule set has no .drl file and no decision table (.drl.csv, .drl.xls, .drl.xlsx)"));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        KieServices kie = KieServices.get();
        // one fixed id, registered only while a build runs; builds take turns under it
        ReleaseId releaseId = kie.newReleaseId("io.billwright.rulesets", "ruleset", "1.0.0");
        synchronized (BUILD_LOCK) {
            return compile(kie, releaseId, sources, ruleFiles);
        }
    }

    private CompiledModule compile(KieServices kie, ReleaseId releaseId, List<RuleSource> sources,
                                   List<RuleSource> ruleFiles) {
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        for (RuleSource source : ruleFiles) {
            files.write(RESOURCES + source.path(), source.content());
        }
        KieBuilder builder;
        try {
            builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException crash) {
            // the code generator gives up on some Java it cannot rewrite (a consequence chaining calls on a
            // class literal, say): refuse the rule set with what it said
            kie.getRepository().removeKieModule(releaseId);
            List<RuleSetProblem> located = locatedByPlainBuild(sources);
            throw new RuleSetException(!located.isEmpty() ? located : List.of(new RuleSetProblem(null, 0,
                    "the executable model cannot compile this rule set: " + crash.getMessage())));
        }
        try {
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                throw new RuleSetException(located(errors, sources));
            }
            return collect((InternalKieModule) builder.getKieModule(), releaseId, ruleFiles);
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    private static CompiledModule collect(InternalKieModule module, ReleaseId releaseId, List<RuleSource> sources) {
        Map<String, byte[]> classes = new HashMap<>();
        List<String> models = new ArrayList<>();
        for (String name : module.getFileNames()) {
            if (name.startsWith(PROJECT_MODEL)) {
                continue; // describes the KIE project for a KieContainer; a release is loaded without one
            }
            if (name.endsWith(".class")) {
                classes.put(CompiledModule.binaryName(name), module.getBytes(name));
            } else if (name.equals("META-INF/kie/" + releaseId.getGroupId() + "/" + releaseId.getArtifactId()
                    + "/drools-model")) {
                new String(module.getBytes(name), StandardCharsets.UTF_8).lines().map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.contains(":")).forEach(models::add);
            }
        }
        if (models.isEmpty()) {
            throw new RuleSetException(List.of(new RuleSetProblem(null, 0,
                    "the executable model listed no rule package: check that the .drl files declare rules")));
        }
        return new CompiledModule(classes, models, sources);
    }

    /** The plain DRL build's located problems when it finds any, else the executable model's own. */
    private static List<RuleSetProblem> located(List<Message> errors, List<RuleSource> sources) {
        List<RuleSetProblem> plain = locatedByPlainBuild(sources);
        if (!plain.isEmpty()) {
            return plain;
        }
        return FieldSuggestions.explain(errors.stream().map(m -> new RuleSetProblem(relative(m.getPath()),
                Math.max(0, m.getLine()), m.getText().trim())).toList());
    }

    private static List<RuleSetProblem> locatedByPlainBuild(List<RuleSource> sources) {
        try {
            new DroolsRuleSetCompiler().compile(sources, null);
            return List.of();
        } catch (RuleSetException plain) {
            return FieldSuggestions.explain(plain.problems());
        }
    }

    private static String relative(String path) {
        if (path == null) {
            return null;
        }
        return path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
    }
}
