package io.billwright.engine.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billwright.engine.ruleset.drools.DroolsRuleSetCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DroolsRuleSetCompilerTest {

    private static final String GOOD = """
            package test.rules
            import io.billwright.engine.item.TimeEntry
            import io.billwright.engine.facts.Hold
            import io.billwright.engine.decision.ReasonCode

            rule "Long days are held"
                @description("More than ten hours in a day needs a second look.")
            when
                $t : TimeEntry( hours > 10 )
            then
                insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, "long day"));
            end
            """;

    private final DroolsRuleSetCompiler compiler = new DroolsRuleSetCompiler();

    @Test
    void versionIsAContentHashPlusLabel() {
        RuleSet a = compiler.compile(List.of(RuleSource.of("a/long-days.drl", GOOD)), "candidate");
        RuleSet b = compiler.compile(List.of(RuleSource.of("a/long-days.drl", GOOD)), null);
        RuleSet c = compiler.compile(List.of(RuleSource.of("a/long-days.drl", GOOD + "\n")), null);

        assertThat(a.version().hash()).isEqualTo(b.version().hash()).hasSize(12);
        assertThat(a.version().toString()).isEqualTo("candidate@" + a.version().hash());
        assertThat(c.version().hash()).isNotEqualTo(a.version().hash());
        assertThat(a.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("Long days are held");
            assertThat(rule.description()).isEqualTo("More than ten hours in a day needs a second look.");
        });
    }

    @Test
    void reportsASyntaxErrorAsFileLineMessage() {
        String broken = GOOD.replace("$t : TimeEntry( hours > 10 )", "$t : TimeEntry( hours > )");

        assertThatThrownBy(() -> compiler.compile(List.of(RuleSource.of("eligibility/long-days.drl", broken)), null))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems()).first().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("eligibility/long-days.drl");
                    assertThat(p.line()).isEqualTo(9);
                    assertThat(p.toString()).startsWith("eligibility/long-days.drl:9: ");
                }));
    }

    @Test
    void reportsAnUnknownTypeWithTheRuleLine() {
        String unknownType = GOOD.replace("TimeEntry( hours > 10 )", "Timesheet( hours > 10 )");

        assertThatThrownBy(() -> compiler.compile(List.of(RuleSource.of("long-days.drl", unknownType)), null))
                .isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith("long-days.drl:")
                .hasMessageContaining("Timesheet");
    }

    private static final String TABLE = String.join("\n",
            "RuleSet,test.tax",
            "Import,\"io.billwright.engine.tax.TaxDetermination, io.billwright.engine.tax.TaxRate\"",
            ",",
            "RuleTable Rates",
            "NAME,CONDITION,ACTION",
            ",$d : TaxDetermination,",
            ",\"rateJurisdiction == \"\"$param\"\"\",\"insert(TaxRate.of($d.rateJurisdiction(), \"\"$param\"\", $param));\"",
            "Rule,Jurisdiction,Rate",
            "DE standard,DE,19",
            "FR standard,FR,%s",
            "");

    @Test
    void compilesADecisionTableIntoOneRulePerRow() {
        RuleSet table = compiler.compile(List.of(RuleSource.of("tax/rates.drl.csv", TABLE.formatted("20"))), null);

        assertThat(table.rules()).extracting(RuleInfo::name).containsExactly("DE standard", "FR standard");
    }

    @Test
    void reportsABadDecisionTableCellAtItsRowNotTheGeneratedCode() {
        assertThatThrownBy(() -> compiler.compile(List.of(RuleSource.of("tax/rates.drl.csv", TABLE.formatted("2O"))),
                null))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("tax/rates.drl.csv");
                    assertThat(p.line()).isEqualTo(10);
                    assertThat(p.message()).startsWith("row \"FR standard\": ");
                }));
    }

    @Test
    void refusesARuleSetThatCompilesToZeroRules() {
        assertThatThrownBy(() -> compiler.compile(List.of(RuleSource.of("empty.drl", "package test.rules\n")), null))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("zero rules");
    }

    @Test
    void refusesADecisionTableDroolsWouldSilentlyIgnore() {
        assertThatThrownBy(() -> compiler.compile(List.of(RuleSource.of("long-days.drl", GOOD),
                RuleSource.of("tax/rates.csv", "RuleSet,x\n")), null))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("tax/rates.csv:0: ")
                .hasMessageContaining("did you mean tax/rates.drl.csv?");
    }

    @Test
    void aFailedReloadLeavesThePreviousRuleSetInForce() {
        ActiveRuleSet active = new ActiveRuleSet(compiler);
        RuleSet first = active.load(List.of(RuleSource.of("long-days.drl", GOOD)), "v1");

        assertThatThrownBy(() -> active.load(List.of(RuleSource.of("long-days.drl", "rule \"broken\" when then")), "v2"))
                .isInstanceOf(RuleSetException.class);
        assertThat(active.get()).isSameAs(first);
    }

    @Test
    void readsADirectorySkippingHiddenAndBackupFiles(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("eligibility"));
        Files.writeString(dir.resolve("eligibility/long-days.drl"), GOOD);
        Files.writeString(dir.resolve("eligibility/long-days.drl~"), "junk");
        Files.writeString(dir.resolve(".long-days.drl.swp"), "junk");

        List<RuleSource> sources = RuleSources.fromDirectory(dir);

        assertThat(sources).extracting(RuleSource::path).containsExactly("eligibility/long-days.drl");
        assertThat(compiler.compile(sources, null).rules()).hasSize(1);
    }
}
