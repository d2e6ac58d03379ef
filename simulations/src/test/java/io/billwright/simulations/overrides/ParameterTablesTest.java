package io.billwright.simulations.overrides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.event.BillingEvent;
import io.billwright.engine.event.ContractReceived;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.simulations.EventsFile;
import io.billwright.simulations.input.EventFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterTablesTest {

    @TempDir
    Path directory;

    @Test
    void anUnknownColumnIsNamedWithTheColumnsTheTableTakes() throws Exception {
        Path file = Files.writeString(directory.resolve("rates.csv"), "Jurisdiction,Rate %,Country\nDE,16,DE\n");

        assertThatThrownBy(() -> TaxRateTable.read(file)).isInstanceOf(TableProblem.class)
                .hasMessage(file + ":1: unknown column 'Country'; this table takes Jurisdiction, Rate % "
                        + "(and optionally Rule)");
    }

    @Test
    void badCellsAreNamedByLineAndColumn() throws Exception {
        Path missing = Files.writeString(directory.resolve("a.csv"), "Jurisdiction\nDE\n");
        Path rate = Files.writeString(directory.resolve("b.csv"), "Jurisdiction,Rate %\nDE,16\nFR,twenty\n");
        Path code = Files.writeString(directory.resolve("c.csv"), "jurisdiction , rate %\nGermany,16\n");
        Path twice = Files.writeString(directory.resolve("d.csv"), "Jurisdiction,Rate %\nDE,16\nFR,20\nDE,19\n");
        Path retention = Files.writeString(directory.resolve("e.csv"), "Retention %,Effective from\n5,01/07/2026\n");

        assertThatThrownBy(() -> TaxRateTable.read(missing)).hasMessage(missing
                + ":1: missing column 'Rate %'; this table takes Jurisdiction, Rate % (and optionally Rule)");
        assertThatThrownBy(() -> TaxRateTable.read(rate))
                .hasMessage(rate + ":3: column Rate %: 'twenty' is not a number (or none, to remove the rate)");
        assertThatThrownBy(() -> TaxRateTable.read(code)).hasMessageStartingWith(code + ":2: column Jurisdiction: 'Germany'");
        assertThatThrownBy(() -> TaxRateTable.read(twice)).hasMessage(twice + ":4: DE is listed twice (first on line 2)");
        assertThatThrownBy(() -> RetentionTable.read(retention))
                .hasMessage(retention + ":2: column Effective from: '01/07/2026' is not a date like 2026-07-01");
        assertThatThrownBy(() -> TaxRateTable.read(directory.resolve("none.csv")))
                .hasMessage(directory.resolve("none.csv") + ": no such file");
    }

    @Test
    void theListedRatesChangeAndTheOthersStay() throws Exception {
        Path file = Files.writeString(directory.resolve("rates.csv"),
                "\uFEFFJurisdiction,Rate %,Rule\nDE,16,\"DE, reduced\"\nfr,none\nXK,18\n");
        TaxRateTable table = TaxRateTable.read(file);

        List<RuleSource> sources = table.applyTo(DefaultRuleSet.sources());

        String text = sources.stream().filter(s -> s.path().endsWith(TaxRateTable.TABLE_PATH)).findFirst()
                .map(s -> new String(s.content(), StandardCharsets.UTF_8)).orElseThrow();
        assertThat(text).startsWith("RuleSet,billwright.tax").contains("RuleTable Standard tax rates")
                .contains("Rule (and source),Jurisdiction,Rate %\n\"DE, reduced\",DE,16\n")
                .contains(",GB,20\n").doesNotContain(",FR,").endsWith(",XK,18\n");
        assertThat(sources).hasSameSizeAs(DefaultRuleSet.sources());
        assertThat(table.changesTo(DefaultRuleSet.sources()))
                .containsExactly("DE 19% -> 16%", "FR 20% -> no rate", "XK no rate -> 18%");
    }

    @Test
    void aColumnTwiceOrACellWithoutAColumnIsRefused() throws Exception {
        Path twice = Files.writeString(directory.resolve("a.csv"), "Jurisdiction,Rate %,rate %\nDE,16,17\n");
        Path extra = Files.writeString(directory.resolve("b.csv"), "Jurisdiction,Rate %\nDE,16\nFR,20,extra\n");
        Path model = Files.writeString(directory.resolve("c.csv"), "Retention %,Billing model\n5,T&M\n");

        assertThatThrownBy(() -> TaxRateTable.read(twice)).hasMessageStartingWith(twice + ":1: column 'Rate %' appears twice");
        assertThatThrownBy(() -> TaxRateTable.read(extra)).hasMessageStartingWith(extra + ":3: this row has 3 cells");
        assertThatThrownBy(() -> RetentionTable.read(model)).hasMessageStartingWith(model + ":2: column Billing model: 'T&M'");
    }

    @Test
    void theExportedRatesPassedBackDecideExactlyLikeThePackagedRuleSet() throws Exception {
        Path file = Files.writeString(directory.resolve("rates.csv"), TaxRateTable.export(DefaultRuleSet.sources()));
        io.billwright.engine.ruleset.RuleSet baseline = DefaultRuleSet.load();
        io.billwright.engine.ruleset.RuleSet candidate = new io.billwright.engine.ruleset.drools.DroolsRuleSetCompiler()
                .compile(TaxRateTable.read(file).applyTo(DefaultRuleSet.sources()), "candidate");
        var input = new EventFiles(false).read(List.of(Path.of("../examples/messages/consulting-quarter.jsonl"),
                EventsFile.write(directory.resolve("e.jsonl"), EventsFile.germanContracts(2))), n -> { });

        var comparison = new io.billwright.simulations.run.WhatIf(io.billwright.simulations.run.Side.of(baseline),
                io.billwright.simulations.run.Side.of(candidate)).run(input, n -> { });

        assertThat(Files.readAllLines(file)).hasSizeGreaterThan(30).contains("DE,19,\"DE VAT 19% (UStG s.12(1))\"");
        assertThat(comparison.changes()).isEmpty();
        assertThat(comparison.totals()).allSatisfy(row -> assertThat(row.delta().isZero()).isTrue());
    }

    @Test
    void aTaxTableSaysItsChangesInWordsWithTheTaxTheRuleSetNames() throws Exception {
        Path file = Files.writeString(directory.resolve("rates.csv"),
                "Jurisdiction,Rate %\nDE,16\nCA-ON,13\nFR,none\nUS-NY,8.875\nFI,24\nUS-HI,5\n");

        List<RateChange> changes = TaxRateTable.read(file).rateChanges(DefaultRuleSet.sources());

        assertThat(changes).extracting(RateChange::inWords).containsExactly(
                "DE VAT 19 % \u2192 16 % on every invoice in the period",
                "FR VAT 20 % removed: its items are held for a missing rate",
                "US-NY tax 8.875 % where there was no rate, on every invoice in the period",
                "FI VAT 25.5 % \u2192 24 % on every invoice in the period",
                "US-HI general excise 4 % \u2192 5 % on every invoice in the period");
        assertThat(changes).extracting(RateChange::brief).first().isEqualTo("DE 19% -> 16%");
    }

    @Test
    void aTaxTableChangesOnlyTheRowsItListsAndLeavesEveryOtherLineAsItWas() throws Exception {
        Path file = Files.writeString(directory.resolve("rates.csv"),
                "Jurisdiction,Rate %,Rule\nDE,16,DE VAT 19% (UStG s.12(1))\nFR,none,\nUS-NY,4,US-NY sales tax 4%\n");
        List<RuleSource> before = DefaultRuleSet.sources();

        List<RuleSource> after = TaxRateTable.read(file).applyTo(before);

        var textsBefore = io.billwright.engine.ruleset.lint.RuleTexts.of(before);
        var textsAfter = io.billwright.engine.ruleset.lint.RuleTexts.of(after);
        assertThat(textsAfter.keySet()).contains("US-NY sales tax 4%").doesNotContain("FR VAT 20% (CGI art. 278)");
        assertThat(textsBefore.keySet().stream().filter(textsAfter::containsKey)
                .filter(name -> !textsBefore.get(name).equals(textsAfter.get(name))))
                .containsExactly("DE VAT 19% (UStG s.12(1))");
        String table = new String(after.stream().filter(s -> s.path().endsWith(TaxRateTable.TABLE_PATH)).findFirst()
                .orElseThrow().content(), StandardCharsets.UTF_8);
        assertThat(table).contains("\nGB VAT 20% (VATA 1994 s.2),GB,20\n", "\"DE VAT 19% (UStG s.12(1))\",DE,16\n")
                .endsWith("\"US-NY sales tax 4%\",US-NY,4\n");
    }

    @Test
    void aRetentionTableSaysEachRowInWords() throws Exception {
        Path file = Files.writeString(directory.resolve("retention.csv"),
                "Retention %,Effective from,Billing model,Customer,Cap\n5,2026-07-01,,,\n0,,fixed fee,CUST-7,\n"
                        + "10,,,,100000.00\n");

        assertThat(RetentionTable.read(file).inWords()).containsExactly(
                "retention 5 % for contracts from 2026-07-01",
                "no retention for fixed fee contracts of customer CUST-7",
                "retention 10 % for every contract, capped at 100000.00 in each contract's currency");
    }

    @Test
    void theFirstMatchingRetentionRowDecidesAndOthersKeepTheirTerms() throws Exception {
        Path file = Files.writeString(directory.resolve("retention.csv"),
                "Retention %,Effective from,Billing model,Customer\n0,,,CUST-C-SIM-2\n7.5,2026-01-01,time and materials,\n");
        RetentionTable table = RetentionTable.read(file);
        List<BillingEvent> contracts = new EventFiles(false)
                .read(List.of(EventsFile.write(directory.resolve("e.jsonl"), EventsFile.germanContracts(2))), n -> { })
                .byContract().values().stream().map(events -> events.get(0)).toList();

        Contract first = ((ContractReceived) table.apply(contracts.get(0))).contract();
        Contract second = ((ContractReceived) table.apply(contracts.get(1))).contract();

        assertThat(first.retention().percent()).isEqualByComparingTo("7.5");
        assertThat(first.retention().cap()).isEqualByComparingTo("100000.00");
        assertThat(second.retention()).isNull();
        assertThat(first).usingRecursiveComparison().ignoringFields("retention")
                .isEqualTo(((ContractReceived) contracts.get(0)).contract());
    }
}
