package io.billwright.simulations.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.event.BillingEvent;
import io.billwright.engine.reconcile.ContractReconciliation;
import io.billwright.engine.reconcile.Tally;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.drools.DroolsRuleSetCompiler;
import io.billwright.engine.state.InMemoryContractStateStore;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.simulations.EventsFile;
import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.Dimension;
import io.billwright.simulations.compare.Figures;
import io.billwright.simulations.compare.LineChange;
import io.billwright.simulations.compare.TotalRow;
import io.billwright.simulations.input.EventFiles;
import io.billwright.simulations.input.LoadedEvents;
import io.billwright.simulations.overrides.TaxRateTable;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatIfTest {

    private static RuleSet rules;

    @TempDir
    Path directory;

    @BeforeAll
    static void compile() {
        rules = DefaultRuleSet.load();
    }

    @Test
    void eachSideBillsExactlyWhatTheEngineBillsWhenCalledDirectlyInFileOrder() {
        List<Path> files = List.of(Path.of("../examples/messages/consulting-quarter.jsonl"),
                EventsFile.write(directory.resolve("de.jsonl"), EventsFile.germanContracts(3)));
        LoadedEvents input = new EventFiles(false).read(files, done -> { });

        List<BillingPackage> replayed = new ArrayList<>();
        input.byContract().forEach((contract, events) ->
                replayed.addAll(Side.of(rules).replay(contract, events).packages()));

        // the engine as the service drives it: every event in file order, one store for all contracts
        BillingEngine engine = BillingEngine.using(rules);
        InMemoryContractStateStore store = new InMemoryContractStateStore();
        List<BillingPackage> direct = new ArrayList<>();
        for (Path file : files) {
            for (BillingEvent event : new EventFiles(false).read(List.of(file), done -> { }).byContract().values()
                    .stream().flatMap(List::stream).toList()) {
                direct.addAll(engine.apply(event, store).packages());
            }
        }
        assertThat(replayed).hasSize(direct.size()).containsExactlyInAnyOrderElementsOf(direct);
        assertThat(replayed).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void aRunThatReadsContractsAgainFromTheFilesComparesAsOneHoldingEveryEvent() throws Exception {
        RuleSet candidate = new DroolsRuleSetCompiler().compile(TaxRateTable.read(Path.of(
                "../examples/what-if/de-vat-16.csv")).applyTo(DefaultRuleSet.sources()), "candidate");
        UnaryOperator<BillingEvent> retention = io.billwright.simulations.overrides.RetentionTable.read(
                Path.of("../examples/what-if/retention-5-for-new-contracts.csv"));
        List<String> german = new ArrayList<>(EventsFile.germanContracts(3));
        german.add(german.get(3)); // a redelivery
        List<Path> files = List.of(Path.of("../examples/messages/consulting-quarter.jsonl"),
                EventsFile.write(directory.resolve("de.jsonl"), german));
        WhatIf whatIf = new WhatIf(Side.of(rules), new Side("candidate", candidate, retention));
        LoadedEvents held = new EventFiles(false).read(files, done -> { });

        WhatIf.Result streamed;
        try (var index = new EventFiles(false).index(files, done -> { }, 0)) {
            streamed = whatIf.run(index, false, done -> { });
        }

        assertThat(streamed.comparison()).isEqualTo(whatIf.run(held, done -> { }));
        assertThat(streamed.input()).isEqualTo(held.facts());
        assertThat(streamed.input().duplicates()).isEqualTo(1);
        assertThat(streamed.comparison().packageChanges()).isNotEmpty();
    }

    @Test
    void theBaselineAgainstItselfChangesNothing() {
        LoadedEvents input = read(EventsFile.germanContracts(4));

        Comparison comparison = new WhatIf(Side.of(rules), Side.of(rules)).run(input, done -> { });

        assertThat(comparison.changes()).isEmpty();
        assertThat(comparison.totals()).isNotEmpty().allSatisfy(row -> assertThat(row.delta().isZero()).isTrue());
        assertThat(comparison.contracts()).isEqualTo(4);
        assertThat(total(comparison).baseline().billedNet()).isPositive();
    }

    @Test
    void aLowerTaxRateShowsInTotalsAndOnEveryChangedLine() throws Exception {
        Path rates = Files.writeString(directory.resolve("rates.csv"), "Jurisdiction,Rate %\nDE,16\nFR,20\n");
        RuleSet candidate = new DroolsRuleSetCompiler().compile(TaxRateTable.read(rates).applyTo(DefaultRuleSet.sources()),
                "candidate");
        LoadedEvents input = read(EventsFile.germanContracts(2));

        Comparison comparison = new WhatIf(Side.of(rules), Side.of(candidate)).run(input, done -> { });

        // 2 contracts x (4 x 8 h + 4 x 6.5 h) x 100.00 EUR = 11,600.00 net; VAT 19% -> 16%
        TotalRow total = total(comparison);
        assertThat(total.baseline().billedNet()).isEqualByComparingTo("11600.00");
        assertThat(total.candidate().billedNet()).isEqualByComparingTo("11600.00");
        assertThat(total.baseline().tax()).isEqualByComparingTo("2204.00");
        assertThat(total.candidate().tax()).isEqualByComparingTo("1856.00");
        assertThat(total.delta().tax()).isEqualByComparingTo("-348.00");
        assertThat(comparison.totalsBy(Dimension.JURISDICTION)).extracting(TotalRow::key).containsExactly("DE");
        assertThat(comparison.totalsBy(Dimension.MONTH)).extracting(TotalRow::key).containsExactly("2026-01", "2026-02");
        // the decisions themselves did not change: same status, same amounts billed; every invoice did
        assertThat(comparison.changes()).isEmpty();
        assertThat(comparison.packageChanges()).hasSize(4).allSatisfy(change -> {
            assertThat(change.baseline().issued()).isTrue();
            assertThat(change.candidate().net()).isEqualByComparingTo(change.baseline().net());
            assertThat(change.candidate().tax()).isLessThan(change.baseline().tax());
            assertThat(change.trigger()).startsWith("PERIOD_CLOSE 2026-0");
        });
    }

    @Test
    void eachSideReconcilesEveryContractAndItsFiguresAgreeWithThePackages() throws Exception {
        Path rates = Files.writeString(directory.resolve("rates.csv"), "Jurisdiction,Rate %\nDE,16\nFR,20\n");
        RuleSet candidate = new DroolsRuleSetCompiler().compile(TaxRateTable.read(rates).applyTo(DefaultRuleSet.sources()),
                "candidate");

        Comparison comparison = new WhatIf(Side.of(rules), Side.of(candidate)).run(read(EventsFile.germanContracts(2)),
                done -> { });

        // per contract: (4 x 8 h + 4 x 6.5 h) x 100.00 = 5,800.00 net in 8 lines, 5% retention 290.00;
        // VAT 19%: 4 x 152.00 + 4 x 123.50 = 1,102.00; 16%: 4 x 128.00 + 4 x 104.00 = 928.00
        assertThat(comparison.baselineReconciliation()).extracting(ContractReconciliation::contractId)
                .containsExactly("C-SIM-1", "C-SIM-2");
        assertThat(comparison.baselineReconciliation()).allSatisfy(r -> {
            assertThat(r.asOf()).isEqualTo(java.time.LocalDate.of(2026, 2, 26)); // the last entry's day
            assertThat(r.currency()).isEqualTo("EUR");
            assertThat(r.recorded()).isEqualTo(new Tally(8, new BigDecimal("5800.00")));
            assertThat(r.billedNet()).isEqualTo(new Tally(8, new BigDecimal("5800.00")));
            assertThat(r.tax()).isEqualByComparingTo("1102.00");
            assertThat(r.retained()).isEqualByComparingTo("290.00");
            assertThat(r.held().count()).isZero();
            assertThat(r.headroom()).as("no cap, no contract value").isNull();
            assertThat(r.balanced()).isTrue();
        });
        assertThat(comparison.candidateReconciliation()).hasSize(2).allSatisfy(r -> {
            assertThat(r.billedNet().amount()).isEqualByComparingTo("5800.00");
            assertThat(r.tax()).isEqualByComparingTo("928.00");
            assertThat(r.balanced()).isTrue();
        });
        // the state's figures and the packages' agree
        assertThat(sum(comparison.baselineReconciliation(), r -> r.billedNet().amount()))
                .isEqualByComparingTo(total(comparison).baseline().billedNet());
        assertThat(sum(comparison.candidateReconciliation(), ContractReconciliation::tax))
                .isEqualByComparingTo(total(comparison).candidate().tax());
        assertThat(sum(comparison.baselineReconciliation(), ContractReconciliation::retained))
                .isEqualByComparingTo(total(comparison).baseline().retentionWithheld());
    }

    @Test
    void theReportsCarryEachSidesReconciliation() throws Exception {
        Comparison comparison = new WhatIf(Side.of(rules), Side.of(rules)).run(read(EventsFile.germanContracts(1)),
                done -> { });
        Path out = directory.resolve("reports");

        io.billwright.simulations.report.Reports.writeAll(comparison, List.of(), out);

        List<String> csv = Files.readAllLines(out.resolve("reconciliation.csv"));
        assertThat(csv.get(0)).startsWith("\uFEFFSide,Contract,As of,Currency,Contract value,Cap,Recorded items,Recorded,");
        assertThat(csv.subList(1, csv.size())).containsExactly(
                "Baseline,C-SIM-1,2026-02-26,EUR,,,8,5800.00,0,0.00,8,5800.00,1102.00,290.00,0.00,0,0.00,0,0,0,0.00,0,"
                        + "0.00,0,0.00,0,0.00,,yes,,",
                "Candidate,C-SIM-1,2026-02-26,EUR,,,8,5800.00,0,0.00,8,5800.00,1102.00,290.00,0.00,0,0.00,0,0,0,0.00,"
                        + "0,0.00,0,0.00,0,0.00,,yes,,");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.resolve("what-if.xlsx").toFile())) {
            var sheet = workbook.getSheet("Reconciliation");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Baseline");
            assertThat(sheet.getRow(1).getCell(11).getNumericCellValue()).as("billed net").isEqualTo(5800.00);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("id=\"reconciliation\"", "<th scope=\"row\">Contracts balanced</th>"
                + "<td class=\"num\">1 of 1</td><td class=\"num\">1 of 1</td>",
                "<td class=\"num\">5,800.00 (8)</td>", "Every contract balances on both sides.");
    }

    @Test
    void aRetentionTableChangesWhatIsWithheldAndTheChangedLinesNameTheRules() throws Exception {
        Path table = Files.writeString(directory.resolve("retention.csv"), "Retention %,Cap\n10,100000.00\n");
        UnaryOperator<BillingEvent> tenPercent = io.billwright.simulations.overrides.RetentionTable.read(table);
        LoadedEvents input = read(EventsFile.germanContracts(1));

        Comparison comparison = new WhatIf(Side.of(rules), new Side("10% retention", rules, tenPercent))
                .run(input, done -> { });

        Figures delta = total(comparison).delta();
        // 5,800.00 net: 5% is 290.00 withheld, 10% is 580.00
        assertThat(total(comparison).baseline().retentionWithheld()).isEqualByComparingTo("290.00");
        assertThat(delta.retentionWithheld()).isEqualByComparingTo("290.00");
        assertThat(delta.invoiced()).isEqualByComparingTo("-290.00");
        assertThat(comparison.candidateLabel()).isEqualTo("10% retention");
    }

    @Test
    void itemsDecidedDifferentlyAreListedWithBothDecisionsAndTheirRules() throws Exception {
        // the candidate has no standard rate for DE: every German item is held for a missing tax rate
        Path rates = Files.writeString(directory.resolve("rates.csv"), "Jurisdiction,Rate %\nDE,none\n");
        RuleSet candidate = new DroolsRuleSetCompiler().compile(TaxRateTable.read(rates).applyTo(DefaultRuleSet.sources()),
                "candidate");
        LoadedEvents input = read(EventsFile.germanContracts(1));

        Comparison comparison = new WhatIf(Side.of(rules), Side.of(candidate)).run(input, done -> { });

        assertThat(comparison.changes()).hasSize(8).allSatisfy(line -> {
            assertThat(line.baseline().status()).isEqualTo("ELIGIBLE");
            assertThat(line.baseline().billed()).isPositive();
            assertThat(line.baseline().rules()).isNotEmpty();
            assertThat(line.candidate().status()).isEqualTo("HELD");
            assertThat(line.candidate().reason()).isNotBlank();
            assertThat(line.candidate().billed()).isZero();
            assertThat(line.customer()).startsWith("CUST-C-SIM-1");
        });
        LineChange first = comparison.changes().get(0);
        assertThat(first.currency()).isEqualTo("EUR");
        TotalRow total = total(comparison);
        assertThat(total.candidate().billedNet()).isZero();
        assertThat(total.candidate().held()).isEqualByComparingTo(total.baseline().billedNet());
        assertThat(comparison.totalsBy(Dimension.HELD_REASON)).singleElement()
                .satisfies(row -> assertThat(row.candidate().held()).isEqualByComparingTo(new BigDecimal("5800.00")));
    }

    @Test
    void heldItemsAreCountedWithTheAmountHeldAndUnbilledItemsApart() throws Exception {
        List<String> lines = new ArrayList<>(EventsFile.germanContracts(1));
        // a role the rate card does not have: held for a missing rate, with nothing pending on its record
        lines.add(3, io.billwright.events.testing.TestMessages.timeEntry("C-SIM-1", "TE-ARCH",
                java.time.LocalDate.of(2026, 1, 7), "3", "APPROVED").body().replace("CONSULTANT", "ARCHITECT"));
        // approved after the last close: eligible, waiting for the next one
        lines.add(io.billwright.events.testing.TestMessages.timeEntry("C-SIM-1", "TE-LATE",
                java.time.LocalDate.of(2026, 3, 2), "2", "APPROVED").body());
        LoadedEvents input = read(lines);

        Comparison comparison = new WhatIf(Side.of(rules), Side.of(rules)).run(input, done -> { });

        TotalRow total = total(comparison);
        assertThat(total.baseline().unbilled()).isEqualByComparingTo("200.00");
        assertThat(comparison.totalsBy(Dimension.HELD_REASON)).extracting(TotalRow::key)
                .containsExactly("NO_RATE_FOR_ROLE");
        assertThat(comparison.changes()).isEmpty();
        // the reconciliation as of the late entry's day: 8 entries billed, TE-LATE waiting, TE-ARCH held unpriced
        assertThat(comparison.baselineReconciliation()).singleElement().satisfies(r -> {
            assertThat(r.asOf()).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
            assertThat(r.recorded()).isEqualTo(new Tally(10, new BigDecimal("6000.00")));
            assertThat(r.eligibleUnbilled()).isEqualTo(new Tally(1, new BigDecimal("200.00")));
            assertThat(r.held()).isEqualTo(new Tally(1, new BigDecimal("0.00")));
            assertThat(r.heldCountByReason()).containsExactly(java.util.Map.entry("NO_RATE_FOR_ROLE", 1));
            assertThat(r.balanced()).isTrue();
        });
    }

    @Test
    void aCreditNoteIsCountedAsCreditedAndTakenOffTheBilling() {
        List<String> lines = correctedAfterBilling();
        LoadedEvents input = read(lines);

        Comparison comparison = new WhatIf(Side.of(rules), Side.of(rules)).run(input, done -> { });

        Figures all = total(comparison).baseline();
        Figures january = comparison.totalsBy(Dimension.MONTH).stream().filter(r -> r.key().equals("2026-01"))
                .findFirst().orElseThrow().baseline();
        Figures february = comparison.totalsBy(Dimension.MONTH).stream().filter(r -> r.key().equals("2026-02"))
                .findFirst().orElseThrow().baseline();
        assertThat(february.credited()).as("2 of the 8 hours credited in February")
                .isEqualByComparingTo(january.billedNet().divide(java.math.BigDecimal.valueOf(4)));
        assertThat(february.billedNet()).isEqualByComparingTo(february.credited().negate());
        assertThat(all.billedNet()).as("billed net of credits")
                .isEqualByComparingTo(january.billedNet().subtract(february.credited()));
        assertThat(all.tax()).isEqualByComparingTo(january.tax().add(february.tax())).isLessThan(january.tax());
        // TE-1 billed 800.00 (VAT 152.00, retention 40.00), 200.00 credited: the line keeps 600.00, 114.00, 30.00
        assertThat(comparison.baselineReconciliation()).singleElement().satisfies(r -> {
            assertThat(r.billedNet()).isEqualTo(new Tally(1, new BigDecimal("600.00")));
            assertThat(r.billedNet().amount()).isEqualByComparingTo(all.billedNet());
            assertThat(r.tax()).isEqualByComparingTo("114.00").isEqualByComparingTo(all.tax());
            assertThat(r.retained()).isEqualByComparingTo("30.00");
            assertThat(r.credited()).isEqualTo(new Tally(1, new BigDecimal("200.00")));
            assertThat(r.creditsWaiting()).isEqualTo(new Tally(0, new BigDecimal("0.00")));
            assertThat(r.balanced()).isTrue();
        });
    }

    @Test
    void aCandidateThatHoldsCorrectionsShowsTheCreditNoteAndTheCreditAsChangesTakenOffTheBilling() {
        // the candidate holds every correction for review: the baseline's credit note is gone on its side
        List<io.billwright.engine.ruleset.RuleSource> sources = DefaultRuleSet.sources().stream()
                .map(source -> !source.path().endsWith("corrections.drl") ? source
                        : io.billwright.engine.ruleset.RuleSource.of(source.path(),
                        new String(source.content(), java.nio.charset.StandardCharsets.UTF_8).replace(
                                "SettlementMethod.CREDIT_DIFFERENCE", "SettlementMethod.HOLD_FOR_REVIEW")))
                .toList();
        RuleSet holding = new io.billwright.engine.ruleset.drools.DroolsRuleSetCompiler().compile(sources, "holding");

        Comparison comparison = new WhatIf(Side.of(rules), Side.of(holding)).run(read(correctedAfterBilling()),
                done -> { });

        assertThat(comparison.packageChanges()).singleElement().satisfies(change -> {
            assertThat(change.trigger()).startsWith("CREDIT_NOTE 2026-02/");
            assertThat(change.baseline().net()).as("a credit note is negative billing").isEqualByComparingTo("-200.00");
            assertThat(change.candidate().issued()).isFalse();
        });
        assertThat(comparison.changes()).filteredOn(line -> line.itemId().equals("TE-1#credit-1")).singleElement()
                .satisfies(line -> {
                    assertThat(line.baseline().billed()).isEqualByComparingTo("-200.00");
                    assertThat(line.baseline().reason()).isEqualTo("CREDITED");
                    assertThat(line.candidate().status()).isEqualTo("NONE");
                });
        assertThat(total(comparison).delta().credited()).isEqualByComparingTo("-200.00");
    }

    /** A contract billed in January, TE-1 corrected from 8 to 6 hours after billing, and February closed. */
    private static List<String> correctedAfterBilling() {
        List<String> lines = new ArrayList<>();
        lines.add(io.billwright.events.testing.TestMessages.contract("C-SIM-CR", "NETSUITE").body());
        lines.add(io.billwright.events.testing.TestMessages.timeEntry("C-SIM-CR", "TE-1",
                java.time.LocalDate.of(2026, 1, 5), "8", "APPROVED").body());
        lines.add(io.billwright.events.testing.TestMessages.periodClosed("C-SIM-CR", "2026-01",
                java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 1, 31)).body());
        lines.add(io.billwright.events.testing.TestMessages.at(io.billwright.events.testing.TestMessages.timeEntry(
                "corrected", "C-SIM-CR", "TE-1", java.time.LocalDate.of(2026, 1, 5), "6", "APPROVED"),
                "2026-03-05T09:00:00Z").body());
        lines.add(io.billwright.events.testing.TestMessages.at(io.billwright.events.testing.TestMessages.periodClosed(
                "C-SIM-CR", "2026-02", java.time.LocalDate.of(2026, 2, 1), java.time.LocalDate.of(2026, 2, 28)),
                "2026-03-06T09:00:00Z").body());
        return lines;
    }

    @Test
    void messagesTheServiceWouldSkipAreSkippedAndAReusedIdIsRefused() throws Exception {
        List<String> lines = new ArrayList<>(EventsFile.germanContracts(1));
        String approved = lines.get(1);
        String submitted = io.billwright.events.testing.TestMessages.at(
                io.billwright.events.testing.TestMessages.timeEntry("late-submitted", "C-SIM-1", "TE-JAN-5",
                        java.time.LocalDate.of(2026, 1, 5), "8", "SUBMITTED"), "2026-02-01T09:00:00Z").body();
        lines.add(2, submitted);                                                       // older than the approval: stale
        lines.add(3, approved.replace("msg-C-SIM-1-TE-JAN-5-approved", "resent-id"));  // same content, new id
        LoadedEvents input = read(lines);

        assertThat(input.duplicates()).isEqualTo(2);
        Comparison comparison = new WhatIf(Side.of(rules), Side.of(rules)).run(input, done -> { });
        assertThat(total(comparison).baseline().billedNet()).isEqualByComparingTo("5800.00");
        assertThat(comparison.input().duplicates()).isEqualTo(2);

        lines.add(approved.replace("\"hours\":\"8\"", "\"hours\":\"9\""));                 // the id reused
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> read(lines)))
                .hasMessageContaining(":" + lines.size() + ": ID_REUSED (field id)");
    }

    private LoadedEvents read(List<String> lines) {
        return new EventFiles(false).read(List.of(EventsFile.write(directory.resolve("events.jsonl"), lines)),
                done -> { });
    }

    private static BigDecimal sum(List<ContractReconciliation> rows,
                                  java.util.function.Function<ContractReconciliation, BigDecimal> figure) {
        return rows.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static TotalRow total(Comparison comparison) {
        return comparison.totalsBy(Dimension.TOTAL).stream().filter(row -> row.currency().equals("EUR")).findFirst()
                .orElseThrow();
    }
}
