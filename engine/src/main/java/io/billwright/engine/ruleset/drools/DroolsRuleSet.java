package io.billwright.engine.ruleset.drools;

import io.billwright.engine.ruleset.Evaluation;
import io.billwright.engine.ruleset.RuleEvaluationException;
import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.Description;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/** A compiled Drools knowledge base; each evaluation runs in a fresh session, so calls never share state. */
final class DroolsRuleSet implements RuleSet {

    /** A rule set that keeps firing past this is looping; stop it rather than hang a consumer. */
    private static final int MAX_FIRINGS = 100_000;

    private final KieBase base;
    private final KieSessionsPool sessions;
    private final RuleSetVersion version;
    private final List<RuleInfo> rules;

    DroolsRuleSet(KieBase base, RuleSetVersion version) {
        this.base = base;
        this.sessions = base.newKieSessionsPool(2);
        this.version = version;
        this.rules = describe(base);
    }

    @Override
    public RuleSetVersion version() {
        return version;
    }

    @Override
    public List<RuleInfo> rules() {
        return rules;
    }

    @Override
    public Evaluation evaluate(Collection<?> facts) {
        // a session from the pool: dispose() resets it and gives it back, so each evaluation starts from an
        // empty working memory without paying for a new session's node memories every time
        KieSession session = sessions.newKieSession();
        InsertionRecorder recorder = new InsertionRecorder();
        try {
            session.addEventListener(recorder);
            for (Object fact : facts) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new RuleEvaluationException("rules fired " + fired + " times without settling: a rule loops"
                        + " (rule set " + version + ")", null);
            }
            return new Evaluation(recorder.inferences);
        } catch (RuntimeException e) {
            if (e instanceof RuleEvaluationException) {
                throw e;
            }
            throw new RuleEvaluationException("rule set " + version + " failed: " + e.getMessage(), e);
        } finally {
            session.removeEventListener(recorder);
            session.dispose();
        }
    }

    private static List<RuleInfo> describe(KieBase base) {
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                // @description resolves to KIE's Description annotation type; a lower-case key is kept as written
                Object description = rule.getMetaData().getOrDefault(Description.class.getName(),
                        rule.getMetaData().get("description"));
                out.add(new RuleInfo(pkg.getName(), rule.getName(), description == null ? "" : unquote(description)));
            }
        }
        out.sort(Comparator.comparing(RuleInfo::packageName).thenComparing(RuleInfo::name));
        return List.copyOf(out);
    }

    private static String unquote(Object value) {
        String text = value.toString();
        return text.length() > 1 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }

    /** Remembers every fact a rule inserted, with the rule's name. */
    private static final class InsertionRecorder extends DefaultRuleRuntimeEventListener {
        private final List<Evaluation.Inference> inferences = new ArrayList<>();

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null) {
                inferences.add(new Evaluation.Inference(event.getObject(), event.getRule().getName()));
            }
        }
    }
}
