package io.billwright.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** validate, coverage and diff over a copy of the default rule folder that each test edits. */
class RuleFolderCommandsTest {

    private static final Path DEFAULT_RULES = Path.of("src/main/resources/billwright/rules");
    private static final String SCENARIOS = "src/test/resources/scenarios";

    private final StringWriter out = new StringWriter();

    @TempDir
    Path tmp;

    private Path rules;

    @BeforeEach
    void copyTheDefaultRules() throws IOException {
        rules = tmp.resolve("rules");
        try (Stream<Path> files = Files.walk(DEFAULT_RULES)) {
            for (Path file : files.toList()) {
                Path target = rules.resolve(DEFAULT_RULES.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void theDefaultRuleSetPassesEveryCheckAndEveryScenario() {
        int status = run("validate", rules.toString(), "--scenarios", SCENARIOS);

        assertThat(status).isZero();
        assertThat(out.toString()).containsPattern("96 rules; \\d+ scenarios, \\d+ passed, 0 failed; 0 errors, 0 warnings:"
                + " the service would accept it");
    }

    @Test
    void namesEveryProblemAsFileLineSeverityAndRefusesToRunAnUnsafeRuleSet() throws IOException {
        Files.writeString(rules.resolve("tm/shortcut.drl"), """
                package billwright.timeandmaterials
                import io.billwright.engine.item.TimeEntry

                rule "Log every entry"
                when
                    $t : TimeEntry()
                then
                    System.out.println($t);
                end
                """);
        Files.copy(rules.resolve("tax/tax-rates.drl.csv"), rules.resolve("tax/more-rates.csv"));

        int status = run("validate", rules.toString(), "--scenarios", SCENARIOS);

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains(
                rules.resolve("tax/more-rates.csv") + ":0: error: Drools would skip this file: it reads only .drl"
                        + " files and decision tables named *.drl.csv, *.drl.xls or *.drl.xlsx; did you mean"
                        + " tax/more-rates.drl.csv?",
                rules.resolve("tm/shortcut.drl") + ":1: warning: package billwright.timeandmaterials does not match"
                        + " the folder tm/",
                rules.resolve("tm/shortcut.drl") + ":8: error: System is not allowed in a rule",
                "scenarios not run", "the service would refuse it");
    }

    @Test
    void aScenarioThatFailsIsAnErrorNamingItsFileAndStep() throws IOException {
        Path scenarios = Files.createDirectories(rules.resolve("scenarios"));
        Files.writeString(scenarios.resolve("wrong.yaml"), Files.readString(
                Path.of(SCENARIOS, "tm/hours-billed-at-period-close.yaml")).replace("amount: \"960.00\"",
                "amount: \"961.00\""));

        int status = run("validate", rules.toString()); // scenarios beside the rules by default

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains(scenarios.resolve("wrong.yaml") + ":15: error: scenario") // the step's own line
                .contains("step 2 (TimeEntryRecorded TE-1): decision 1 (TE-1) amount: expected 961.00, actual 960.00")
                .contains("1 scenarios, 0 passed, 1 failed");
    }

    @Test
    void coverageListsTheRulesNoScenarioFiresAndWritesACsv() throws IOException {
        Path csv = tmp.resolve("coverage.csv");

        int status = run("coverage", rules.toString(), "--scenarios", SCENARIOS + "/tm", "--csv", csv.toString());

        assertThat(status).isZero();
        assertThat(out.toString()).containsPattern("\\d+ of " + (96 + io.billwright.engine.ruleset.EngineRule.values().length)
                + " rules fired in \\d+ scenarios")
                .contains("never fired:").contains("billwright.milestone");
        assertThat(Files.readAllLines(csv)).hasSize(1 + 96 + io.billwright.engine.ruleset.EngineRule.values().length).first().isEqualTo("package,rule,fired,description");
        assertThat(Files.readAllLines(csv)).anyMatch(line -> line.startsWith(
                "billwright.tm,T&M: approved billable hours at the rate card rate,") && !line.contains(",0,"));
    }

    @Test
    void diffNamesTheRulesAddedRemovedAndChanged() throws IOException {
        Path candidate = tmp.resolve("candidate");
        Files.move(rules, candidate);
        copyTheDefaultRules();
        Path table = candidate.resolve("tax/tax-rates.drl.csv");
        Files.writeString(table, Files.readString(table).replace("DE VAT 19% (UStG s.12(1)),DE,19",
                "DE VAT 19% (UStG s.12(1)),DE,16").replace("FR VAT 20% (CGI art. 278),FR,20\n", ""));
        Path tm = candidate.resolve("tm/time-and-materials.drl");
        Files.writeString(tm, Files.readString(tm) + """

                rule "T&M: nothing billed on Sundays"
                    @description("An example rule.")
                when
                    eval(false)
                then
                end
                """);

        int status = run("diff", rules.toString(), candidate.toString());

        assertThat(status).isZero();
        assertThat(out.toString())
                .contains("added    billwright.tm  \"T&M: nothing billed on Sundays\"  (tm/time-and-materials.drl)")
                .contains("removed  billwright.tax  \"FR VAT 20% (CGI art. 278)\"")
                .contains("changed  billwright.tax  \"DE VAT 19% (UStG s.12(1))\"  (tax/tax-rates.drl.csv)")
                .contains("    --- tax/tax-rates.drl.csv", "    +++ tax/tax-rates.drl.csv")
                .containsPattern("    -DE VAT 19% \\(UStG s\\.12\\(1\\)\\),DE,19.*\\n    \\+DE VAT 19% \\(UStG s\\.12\\(1\\)\\),DE,16")
                .contains("1 added, 1 removed, 1 changed, 94 unchanged");
    }

    private int run(String... args) {
        return new CommandLine(new RulesCli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                .execute(args);
    }
}
