package io.billwright.simulations.cli;

import io.billwright.engine.ruleset.RuleSources;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.simulations.overrides.TaxRateTable;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tax-rates}: the rule set's standard tax rates as a table to edit for {@code run --tax-rates}. */
@Command(name = "tax-rates", mixinStandardHelpOptions = true,
        description = {"Print the standard tax rates of a rule set as CSV (Jurisdiction, Rate %%, Rule):",
            "save it, change rates in Excel or any editor, and pass it to run --tax-rates."})
final class TablesCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", description = "A rule set folder (default: the packaged rule set)")
    Path rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(TaxRateTable.export(rules == null ? DefaultRuleSet.sources()
                : RuleSources.fromDirectory(rules)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
