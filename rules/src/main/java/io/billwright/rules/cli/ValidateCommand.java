package io.billwright.rules.cli;

import io.billwright.rules.check.RuleSetCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Checks a rule folder the way the service does before it lets a rule set decide anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Compile a rule folder, lint it and run every scenario; print one line per problem as"
                + " file:line: severity: message, then a summary.",
            "Exit status 1 when anything is an error, 2 when the folder cannot be read."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    RuleFolderOptions folder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RuleSetCheck check = folder.check(spec.commandLine().getErr());
        if (check == null) {
            return 2;
        }
        check.findings().forEach(out::println);
        out.println(summary(check));
        out.flush();
        return check.errors() > 0 ? 1 : 0;
    }

    static String summary(RuleSetCheck check) {
        String rules = check.build() == null ? "did not compile"
                : check.compiled() == null ? "compiled, refused by the bytecode check (nothing of it was loaded)"
                : "rule set " + check.compiled().version() + ": " + check.compiled().rules().size() + " rules";
        String scenarios = check.scenariosRun()
                ? check.scenarios() + " scenarios, " + (check.scenarios() - check.failed()) + " passed, " + check.failed()
                        + " failed"
                : "scenarios not run (fix the errors first: a rule set is run only once it is safe)";
        return rules + "; " + scenarios + "; " + check.errors() + " errors, " + check.warnings() + " warnings"
                + (check.errors() == 0 ? ": the service would accept it" : ": the service would refuse it");
    }
}
