package io.billwright.engine.ruleset.drools.model;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSetProblem;
import io.billwright.engine.ruleset.RuleSetVersion;
import io.billwright.engine.ruleset.drools.DroolsRuleSets;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * Builds a knowledge base from a compiled module's classes: no DRL parse, no MVEL, no Java compiler. Only
 * a module whose classes passed the bytecode check may be loaded: loading initialises them.
 */
public final class ModuleLoader {

    /**
     * @throws RuleSetException when a class cannot be loaded or a model built (a module compiled against
     *                          another fact model, say)
     */
    public RuleSet load(CompiledModule module, RuleSetVersion version) {
        ModuleClassLoader loader = new ModuleClassLoader(module.classes(), ModuleLoader.class.getClassLoader());
        List<Model> models = new ArrayList<>();
        for (String name : module.modelClasses()) {
            if (!module.classes().containsKey(name)) {
                throw new RuleSetException(List.of(new RuleSetProblem(null, 0, "the rule set lists " + name
                        + " as a model, but has no such class")));
            }
            try {
                Class<?> type = loader.loadClass(name);
                if (type.getClassLoader() != loader || !Model.class.isAssignableFrom(type)) {
                    throw new RuleSetException(List.of(new RuleSetProblem(null, 0, "the rule set's " + name
                            + " is not a model of its own")));
                }
                models.add((Model) type.getConstructor().newInstance());
            } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                     | InvocationTargetException | LinkageError | ClassCastException e) {
                throw new RuleSetException(List.of(new RuleSetProblem(null, 0, "the rule set's model " + name
                        + " cannot be loaded: " + e)));
            }
        }
        KieBase base = KieBaseBuilder.createKieBaseFromModel(models);
        return DroolsRuleSets.of(base, version);
    }
}
