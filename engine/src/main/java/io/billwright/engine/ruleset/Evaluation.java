package io.billwright.engine.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What one {@link RuleSet#evaluate} call produced: every fact a rule inserted, with that rule's name. */
public record Evaluation(List<Inference> inferences) {

    /** One fact and the rule whose action inserted it. */
    public record Inference(Object fact, String rule) {
    }

    public Evaluation {
        inferences = List.copyOf(inferences);
    }

    public <T> List<T> factsOf(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Inference inference : inferences) {
            if (type.isInstance(inference.fact())) {
                out.add(type.cast(inference.fact()));
            }
        }
        return out;
    }

    /** Names of the rules that inserted a fact matching {@code about}, in firing order, each once. */
    public List<String> rulesFor(Predicate<Object> about) {
        List<String> rules = new ArrayList<>();
        for (Inference inference : inferences) {
            if (about.test(inference.fact()) && !rules.contains(inference.rule())) {
                rules.add(inference.rule());
            }
        }
        return rules;
    }
}
