package io.billwright.engine.ruleset.drools.model;

import io.billwright.engine.ruleset.RuleFiles;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetCompiler;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.engine.ruleset.RuleSetHashing;
import io.billwright.engine.ruleset.RuleSetProblem;
import io.billwright.engine.ruleset.RuleSetVersion;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.bytecode.BytecodeCheck;
import io.billwright.engine.ruleset.lint.Finding;
import java.util.List;

/**
 * The executable model behind the bytecode gate: compiles, reads every generated class, and loads the
 * rule set only when no class uses anything outside the allowlist. What every rule set the engine runs
 * goes through, a folder in development as much as a release.
 */
public final class ModelRuleSetCompiler implements RuleSetCompiler {

    /** A compiled module and what the bytecode check found in it. */
    public record Build(CompiledModule module, BytecodeCheck.Result check) {
    }

    private final ExecutableModelCompiler compiler = new ExecutableModelCompiler();
    private final BytecodeCheck bytecode = new BytecodeCheck();
    private final ModuleLoader loader = new ModuleLoader();

    /**
     * Compiles and checks, loading nothing.
     *
     * @throws RuleSetException when the sources do not compile
     */
    public Build build(List<RuleSource> sources) {
        List<Finding> files = new java.util.ArrayList<>(RuleFiles.unrecognised(sources).stream()
                .map(p -> Finding.error(p.file(), p.line(), p.message())).toList());
        files.addAll(mvelDialect(sources));
        CompiledModule module;
        try {
            module = compiler.compile(sources);
        } catch (RuleSetException e) {
            if (files.isEmpty()) {
                throw e;
            }
            List<RuleSetProblem> all = new java.util.ArrayList<>(e.problems());
            files.forEach(f -> all.add(0, new RuleSetProblem(f.file(), f.line(), f.message())));
            throw new RuleSetException(all);
        }
        BytecodeCheck.Result checked = bytecode.check(module);
        List<Finding> findings = new java.util.ArrayList<>(files);
        findings.addAll(checked.findings());
        return new Build(module, new BytecodeCheck.Result(findings, checked.factModelUses()));
    }

    /** Loads a module the bytecode check passed. */
    public RuleSet load(Build build, RuleSetVersion version) {
        if (!build.check().passed()) {
            throw new RuleSetException(problems(build.check().findings()));
        }
        RuleSet ruleSet = loader.load(build.module(), version);
        if (ruleSet.rules().isEmpty()) {
            throw new RuleSetException(List.of(new RuleSetProblem(null, 0,
                    "the rule set compiled to zero rules: check that the .drl files declare rules and that"
                            + " decision tables are named *.drl.csv or *.drl.xlsx")));
        }
        return ruleSet;
    }

    @Override
    public RuleSet compile(List<RuleSource> sources, String label) {
        return load(build(sources), new RuleSetVersion(RuleSetHashing.hash(sources), label));
    }

    /**
     * MVEL consequences are refused: Drools rewrites them into Java, but what an MVEL expression resolves
     * to is decided by that rewrite, not by what the analyst reads, and the dialect adds nothing a rule here
     * needs.
     */
    private static List<Finding> mvelDialect(List<RuleSource> sources) {
        List<Finding> out = new java.util.ArrayList<>();
        java.util.regex.Pattern mvel = java.util.regex.Pattern.compile("^\\s*dialect\\s+[\"']mvel[\"']");
        for (RuleSource source : sources) {
            if (!source.isDrl()) {
                continue;
            }
            String[] lines = new String(source.content(), java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (mvel.matcher(lines[i]).find()) {
                    out.add(Finding.error(source.path(), i + 1, "dialect \"mvel\" is refused: write the rule in the"
                            + " Java dialect (the default), whose compiled code the bytecode check can read"));
                }
            }
        }
        return out;
    }

    private static List<RuleSetProblem> problems(List<Finding> findings) {
        return findings.stream().filter(Finding::isError)
                .map(f -> new RuleSetProblem(f.file(), f.line(), f.message())).toList();
    }
}
