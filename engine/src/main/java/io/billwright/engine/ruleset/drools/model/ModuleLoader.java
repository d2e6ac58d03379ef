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
            try {
                models.add((Model) loader.loadClass(name).getConstructor().newInstance());
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
