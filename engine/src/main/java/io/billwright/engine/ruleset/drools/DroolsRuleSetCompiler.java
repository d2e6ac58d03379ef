package io.billwright.engine.ruleset.drools;

import io.billwright.engine.ruleset.RuleFiles;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetCompiler;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSetHashing;
import io.billwright.engine.ruleset.RuleSetProblem;
import io.billwright.engine.ruleset.RuleSetVersion;
import io.billwright.engine.ruleset.RuleSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles DRL files and decision tables with Drools' KieBuilder (plain DRL, not the executable model:
 * it keeps line numbers and reports every error).
 */
public final class DroolsRuleSetCompiler implements RuleSetCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    /** Shared by every build: what one build found missing from the class path is missing for the next. */
    private static final LookupCache CLASS_PATH = new LookupCache(DroolsRuleSetCompiler.class.getClassLoader());

    @Override
    public RuleSet compile(List<RuleSource> sources, String label) {
        List<RuleSetProblem> problems = new ArrayList<>(RuleFiles.unrecognised(sources));
        List<RuleSource> ruleFiles = sources.stream().filter(s -> s.isDrl() || s.isDecisionTable()).toList();
        if (ruleFiles.isEmpty()) {
            problems.add(new RuleSetProblem(null, 0,
                    "the rule set has no .drl file and no decision table (.drl.csv, .drl.xls, .drl.xlsx)"));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        String hash = RuleSetHashing.hash(sources);
        KieServices kie = KieServices.get();
        ReleaseId releaseId = kie.newReleaseId("io.billwright.rulesets", "ruleset-" + hash,
                "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        for (RuleSource source : ruleFiles) {
            files.write(RESOURCES + source.path(), source.content());
        }
        KieBuilder builder = kie.newKieBuilder(files, CLASS_PATH).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(DecisionTableLines.locate(new RuleSetProblem(relative(message.getPath()), message.getLine(),
                    message.getText().trim()), ruleFiles));
        }
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new RuleSetException(problems);
        }
        KieBase base;
        try {
            base = kie.newKieContainer(releaseId, CLASS_PATH).getKieBase();
        } finally {
            // every build registers a module; drop it or each reload leaks one
            kie.getRepository().removeKieModule(releaseId);
        }
        DroolsRuleSet ruleSet = new DroolsRuleSet(base, new RuleSetVersion(hash, label));
        if (ruleSet.rules().isEmpty()) {
            throw new RuleSetException(List.of(new RuleSetProblem(null, 0,
                    "the rule set compiled to zero rules: check that the .drl files declare rules and that"
                            + " decision tables are named *.drl.csv or *.drl.xlsx")));
        }
        return ruleSet;
    }

    private static String relative(String path) {
        if (path == null) {
            return null;
        }
        return path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
    }
}
