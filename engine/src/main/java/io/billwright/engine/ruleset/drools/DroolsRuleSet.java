package io.billwright.engine.ruleset.drools;

import io.billwright.engine.ruleset.Evaluation;
import io.billwright.engine.ruleset.RuleEvaluationException;
import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetVersion;
import io.billwright.engine.ruleset.RuleTimeoutException;
import java.time.Duration;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** The engine evaluates a few dozen shapes of facts; more than this share one pool. */
    private static final int MAX_SHAPES = 64;

    /** How long one evaluation may fire rules unless told otherwise. */
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);

    private final KieBase base;
    /**
     * Pooled sessions by the classes of the facts evaluated, in order (an item with its contract and positions, or
     * a query). Giving back a pooled session resets every node memory it ever created, and a session that has seen
     * every kind of item holds memories for nearly every rule; one that only ever sees time entries with a contract
     * holds far fewer, so its reset is cheaper. Each evaluation still starts from an empty, reset session, whichever
     * pool it came from.
     */
    private final Map<List<Class<?>>, KieSessionsPool> sessions;
    private final RuleSetVersion version;
    private final List<RuleInfo> rules;
    private final long limitNanos;

    DroolsRuleSet(KieBase base, RuleSetVersion version) {
        this(base, new ConcurrentHashMap<>(), version, describe(base), DEFAULT_TIME_LIMIT);
    }

    private DroolsRuleSet(KieBase base, Map<List<Class<?>>, KieSessionsPool> sessions, RuleSetVersion version,
                          List<RuleInfo> rules, Duration limit) {
        this.base = base;
        this.sessions = sessions;
        this.version = version;
        this.rules = rules;
        this.limitNanos = limit.toNanos();
    }

    @Override
    public RuleSet withTimeLimit(Duration limit) {
        return new DroolsRuleSet(base, sessions, version, rules, limit);
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
        KieSession session = poolFor(facts).newKieSession();
        InsertionRecorder recorder = new InsertionRecorder();
        Deadline deadline = new Deadline(session, System.nanoTime() + limitNanos);
        try {
            session.addEventListener(recorder);
            session.addEventListener(deadline);
            for (Object fact : facts) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (deadline.passed) {
                throw new RuleTimeoutException("the rules were still firing after " + limitNanos / 1_000_000
                        + " ms (" + fired + " firings, the last of rule \"" + deadline.lastRule + "\"; rule set "
                        + version + ")");
            }
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
            session.removeEventListener(deadline);
            session.removeEventListener(recorder);
            session.dispose();
        }
    }

    /** The pool for the shape of {@code facts}; past {@link #MAX_SHAPES} shapes (a caller's own facts), a shared one. */
    private KieSessionsPool poolFor(Collection<?> facts) {
        List<Class<?>> shape = new ArrayList<>(facts.size());
        for (Object fact : facts) {
            shape.add(fact == null ? Void.class : fact.getClass());
        }
        KieSessionsPool pool = sessions.get(shape);
        if (pool != null) {
            return pool;
        }
        return sessions.computeIfAbsent(sessions.size() < MAX_SHAPES ? shape : List.of(),
                any -> base.newKieSessionsPool(2));
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

    /**
     * Halts the session at the first firing after the deadline. A consequence cannot loop (the bytecode check
     * refuses loops), so firings are where a runaway rule set spends its time.
     */
    private static final class Deadline extends DefaultAgendaEventListener {
        private final KieSession session;
        private final long at;
        private volatile boolean passed;
        private String lastRule = "";

        Deadline(KieSession session, long at) {
            this.session = session;
            this.at = at;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            lastRule = event.getMatch().getRule().getName();
            if (System.nanoTime() > at) {
                passed = true;
                session.halt();
            }
        }
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
