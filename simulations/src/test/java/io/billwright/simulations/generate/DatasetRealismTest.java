package io.billwright.simulations.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.billing.PackageLine;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.CustomerTaxStatus;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.event.BillingPeriodClosed;
import io.billwright.engine.event.ContractReceived;
import io.billwright.engine.event.ExpenseRecorded;
import io.billwright.engine.event.TimeEntryRecorded;
import io.billwright.engine.item.ApprovalStatus;
import io.billwright.engine.item.Expense;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.state.ItemRecord;
import io.billwright.engine.tax.TaxDeterminer;
import io.billwright.engine.tax.TaxTreatment;
import io.billwright.events.InboundMessage;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.simulations.input.EventFiles;
import io.billwright.simulations.input.LoadedEvents;
import io.billwright.simulations.run.ContractRun;
import io.billwright.simulations.run.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributions the simulations README documents, on a 120-person firm's quarter (seed 7): what analysts write
 * rules about is in the data, in the documented proportions, and does what it should when the simulator runs it.
 */
class DatasetRealismTest {

    private static final GeneratorOptions QUARTER = GeneratorOptions.of(7, 120, 3, YearMonth.of(2026, 7));

    private static byte[] file;
    private static List<InboundMessage> messages;
    /** Every time entry's messages, in file order, by contract and entry id. */
    private static Map<String, List<Sent<TimeEntry>>> entries;
    /** Every expense's messages, in file order, by contract and expense id. */
    private static Map<String, List<Sent<Expense>>> expenses;
    /** When each contract's month closed, by contract and month. */
    private static Map<String, Instant> closes;
    /** Each contract's replay through the default rules, from the file as the simulator reads it. */
    private static Map<String, ContractRun> runs;
    private static RuleSet rules;

    /** A message about an item, with its time. */
    private record Sent<T>(Instant time, T item) {
    }

    @BeforeAll
    static void generateAndRunAQuarter(@TempDir Path directory) throws IOException {
        file = DatasetGeneratorTest.generate(QUARTER);
        messages = DatasetGeneratorTest.read(file);
        entries = new LinkedHashMap<>();
        expenses = new LinkedHashMap<>();
        closes = new HashMap<>();
        for (InboundMessage message : messages) {
            String contract = message.contractId().value();
            if (message.event() instanceof TimeEntryRecorded recorded) {
                entries.computeIfAbsent(contract + " " + recorded.entry().id(), k -> new ArrayList<>())
                        .add(new Sent<>(message.time(), recorded.entry()));
            } else if (message.event() instanceof ExpenseRecorded recorded) {
                expenses.computeIfAbsent(contract + " " + recorded.expense().id(), k -> new ArrayList<>())
                        .add(new Sent<>(message.time(), recorded.expense()));
            } else if (message.event() instanceof BillingPeriodClosed close) {
                closes.put(contract + " " + close.period().id(), message.time());
            }
        }
        Path jsonl = Files.write(directory.resolve("quarter.jsonl"), file);
        LoadedEvents input = new EventFiles(false).read(List.of(jsonl), done -> { });
        assertThat(input.duplicates()).as("nothing the service would skip").isZero();
        rules = DefaultRuleSet.load();
        Side side = Side.of(rules);
        runs = new LinkedHashMap<>();
        input.byContract().forEach((contract, events) -> runs.put(contract, side.replay(contract, events)));
    }

    @Test
    void theSameSeedGivesTheSameBytesForAWholeQuarter() {
        assertThat(DatasetGeneratorTest.generate(QUARTER)).isEqualTo(file);
    }

    @Test
    void aboutOnePercentOfTimeEntriesAreOnWeekendsEachOfTwoToSevenHours() {
        List<TimeEntry> all = entries.values().stream().map(sent -> sent.get(0).item()).toList();
        long weekend = all.stream().filter(e -> e.date().getDayOfWeek().getValue() >= 6).count();

        assertThat((double) weekend / all.size()).as("weekend share (README: 0.5 to 2 %)").isBetween(0.005, 0.02);
        assertThat(all.stream().filter(e -> e.date().getDayOfWeek() == DayOfWeek.SATURDAY)).isNotEmpty();
        assertThat(all.stream().filter(e -> e.date().getDayOfWeek() == DayOfWeek.SUNDAY)).isNotEmpty();
        assertThat(all).filteredOn(e -> e.date().getDayOfWeek().getValue() >= 6)
                .allSatisfy(e -> assertThat(e.hours()).isBetween(new BigDecimal("2"), new BigDecimal("7")));
    }

    @Test
    void fewPeopleWorkOnTheirCountrysPublicHolidays() {
        Map<String, String> sellerCountries = new HashMap<>();
        latestContracts().forEach((id, contract) -> sellerCountries.put(id, contract.seller().country()));
        // people who work for one country's entity only: that country's holidays are theirs
        Map<String, Set<String>> countriesOf = new HashMap<>();
        entries.forEach((key, sent) -> countriesOf.computeIfAbsent(sent.get(0).item().person(), k -> new HashSet<>())
                .add(sellerCountries.get(key.split(" ")[0])));
        Map<String, Map<LocalDate, Long>> perDay = new HashMap<>();
        entries.forEach((key, sent) -> {
            Set<String> countries = countriesOf.get(sent.get(0).item().person());
            if (countries.size() == 1) {
                perDay.computeIfAbsent(countries.iterator().next(), k -> new HashMap<>())
                        .merge(sent.get(0).item().date(), 1L, Long::sum);
            }
        });
        int holidaysSeen = 0;
        long workedOnHolidays = 0;
        double usualOnThoseDays = 0;
        for (Map.Entry<String, Map<LocalDate, Long>> country : perDay.entrySet()) {
            Set<LocalDate> holidays = PublicHolidays.of(country.getKey(), 2026);
            double workday = country.getValue().entrySet().stream()
                    .filter(day -> WorkCalendar.isWorkday(day.getKey()) && !holidays.contains(day.getKey()))
                    .mapToLong(Map.Entry::getValue).average().orElse(0);
            for (LocalDate holiday : holidays) {
                if (WorkCalendar.isWorkday(holiday) && holiday.getMonthValue() >= 7 && holiday.getMonthValue() <= 9) {
                    holidaysSeen++;
                    workedOnHolidays += country.getValue().getOrDefault(holiday, 0L);
                    usualOnThoseDays += workday;
                }
            }
        }
        assertThat(holidaysSeen).as("two US holidays and one British in the quarter").isGreaterThanOrEqualTo(3);
        assertThat(workedOnHolidays).as("a few work").isPositive();
        assertThat(workedOnHolidays / usualOnThoseDays).as("entries on a holiday against a usual working day")
                .isLessThan(0.1);
    }

    @Test
    void weekendsNearAMonthEndAreWorkedMoreOftenThanOthers() {
        Map<Boolean, Long> byDeadline = entries.values().stream().map(sent -> sent.get(0).item().date())
                .filter(date -> date.getDayOfWeek().getValue() >= 6)
                .collect(Collectors.partitioningBy(date -> date.getDayOfMonth() > date.lengthOfMonth() - 7,
                        Collectors.counting()));
        long weekendDays = LocalDate.of(2026, 7, 1).datesUntil(LocalDate.of(2026, 10, 1))
                .filter(date -> date.getDayOfWeek().getValue() >= 6).count();
        long nearMonthEnd = LocalDate.of(2026, 7, 1).datesUntil(LocalDate.of(2026, 10, 1))
                .filter(date -> date.getDayOfWeek().getValue() >= 6 && date.getDayOfMonth() > date.lengthOfMonth() - 7)
                .count();

        double perDayNearMonthEnd = (double) byDeadline.get(true) / nearMonthEnd;
        double perDayOtherwise = (double) byDeadline.get(false) / (weekendDays - nearMonthEnd);
        assertThat(perDayNearMonthEnd).isGreaterThan(2 * perDayOtherwise);
    }

    @Test
    void overtimeDaysGoPastEightHoursAndSomePastTen() {
        List<TimeEntry> all = entries.values().stream().map(sent -> sent.get(0).item()).toList();
        long overEight = all.stream().filter(e -> e.hours().compareTo(new BigDecimal("8")) > 0).count();
        long overTen = all.stream().filter(e -> e.hours().compareTo(new BigDecimal("10")) > 0).count();

        assertThat((double) overEight / all.size()).as("over 8 h (README: 4 to 10 %)").isBetween(0.04, 0.10);
        assertThat((double) overTen / all.size()).as("over 10 h (README: 1 to 3 %)").isBetween(0.01, 0.03);
        assertThat(all).allSatisfy(e -> assertThat(e.hours()).isLessThanOrEqualTo(new BigDecimal("12")));
    }

    @Test
    void someTimeEntriesAreSubmittedWeeksLateSomeAfterTheirMonthClosed() {
        long weeksLate = 0;
        long afterClose = 0;
        for (Map.Entry<String, List<Sent<TimeEntry>>> entry : entries.entrySet()) {
            Sent<TimeEntry> submitted = entry.getValue().get(0);
            assertThat(submitted.item().status()).isEqualTo(ApprovalStatus.SUBMITTED);
            LocalDate worked = submitted.item().date();
            if (Duration.between(worked.atStartOfDay().toInstant(ZoneOffset.UTC), submitted.time()).toDays() > 14) {
                weeksLate++;
            }
            if (submitted.time().isAfter(closeOf(entry.getKey(), worked))) {
                afterClose++;
            }
        }
        assertThat((double) weeksLate / entries.size()).as("submitted over 14 days late (README: 1 to 4 %)")
                .isBetween(0.01, 0.04);
        assertThat(afterClose).as("submitted after their month's close").isGreaterThan(entries.size() / 100L);
    }

    @Test
    void someApprovedEntriesAreCorrectedBeforeTheCloseAndSomeAfterTheCloseThatBilledThem() {
        long beforeClose = 0;
        long afterBilling = 0;
        long reversedAfterBilling = 0;
        for (Map.Entry<String, List<Sent<TimeEntry>>> entry : entries.entrySet()) {
            List<Sent<TimeEntry>> decided = entry.getValue().stream()
                    .filter(sent -> sent.item().status() != ApprovalStatus.SUBMITTED).toList();
            if (decided.size() < 2) {
                continue;
            }
            assertThat(decided).as("one correction at most").hasSize(2);
            Sent<TimeEntry> approved = decided.get(0);
            Sent<TimeEntry> corrected = decided.get(1);
            assertThat(approved.item().status()).isEqualTo(ApprovalStatus.APPROVED);
            assertThat(corrected.item()).isNotEqualTo(approved.item());
            Instant close = closeOf(entry.getKey(), approved.item().date());
            if (corrected.time().isBefore(close)) {
                beforeClose++;
            } else if (approved.time().isBefore(close)) {
                afterBilling++;
                if (corrected.item().status() == ApprovalStatus.REJECTED) {
                    reversedAfterBilling++;
                }
            }
        }
        assertThat((double) beforeClose / entries.size()).as("README: about 1.5 %").isBetween(0.008, 0.02);
        assertThat((double) afterBilling / entries.size()).as("README: about 0.8 %").isBetween(0.004, 0.015);
        assertThat(reversedAfterBilling).isPositive().isLessThan(afterBilling);
    }

    @Test
    void correctionsAfterBillingAreCreditedOnCreditNotesAtTheNextClose() {
        Set<String> correctedAfterBilling = new HashSet<>();
        entries.forEach((key, sent) -> {
            Instant close = closeOf(key, sent.get(0).item().date());
            if (sent.size() > 2 && sent.get(sent.size() - 2).time().isBefore(close)
                    && sent.get(sent.size() - 1).time().isAfter(close)) {
                correctedAfterBilling.add(key);
            }
        });
        List<String> credited = new ArrayList<>();
        runs.forEach((contract, run) -> run.packages().stream().filter(BillingPackage::isCreditNote)
                .flatMap(pkg -> pkg.lines().stream()).map(PackageLine::itemId)
                .forEach(item -> credited.add(contract + " " + item.replaceFirst("#.*", ""))));

        assertThat(credited).as("credit notes issued").isNotEmpty();
        assertThat(correctedAfterBilling).as("corrected time entries credited").containsAnyElementsOf(credited);
        assertThat(runs.values().stream().flatMap(run -> run.state().itemsSorted().stream())
                .filter(r -> r.reason() == ReasonCode.CREDITED)).isNotEmpty();
    }

    @Test
    void expensesOverTheirLimitsHaveTheExcessRejectedAndMissingReceiptsAreHeld() {
        List<ItemRecord> items = runs.values().stream().flatMap(run -> run.state().itemsSorted().stream()).toList();
        List<Decision> decisions = runs.values().stream().flatMap(run -> run.lastDecisions().values().stream())
                .toList();

        for (ReasonCode over : List.of(ReasonCode.OVER_CATEGORY_LIMIT, ReasonCode.OVER_DAILY_LIMIT,
                ReasonCode.OVER_TRIP_LIMIT)) {
            assertThat(decisions).as(over.name()).anySatisfy(d -> {
                assertThat(d.reason()).isEqualTo(over);
                assertThat(d.status()).isEqualTo(DecisionStatus.REJECTED);
                assertThat(d.itemId()).startsWith("EX-").endsWith("#over-limit");
                assertThat(d.amount().amount()).isPositive();
            });
        }
        assertThat(items).anySatisfy(r -> {
            assertThat(r.reason()).isEqualTo(ReasonCode.MISSING_RECEIPT);
            assertThat(r.status()).isEqualTo(DecisionStatus.HELD);
        });
        assertThat(expenses.values()).allSatisfy(sent -> assertThat(sent.get(0).item().person()).isNotNull());
    }

    @Test
    void hotelNightsAreMostlyUnderTheirLimitSomeJustUnderAndSomeOver() {
        Map<String, Contract> contracts = latestContracts();
        long under = 0;
        long nearly = 0;
        long over = 0;
        for (Map.Entry<String, List<Sent<Expense>>> entry : expenses.entrySet()) {
            Expense night = entry.getValue().get(0).item();
            Contract contract = contracts.get(entry.getKey().split(" ")[0]);
            BigDecimal limit = contract.expensePolicy().limitFor("LODGING");
            BigDecimal amount = night.amountIn(contract.currency());
            if (!night.category().equals("LODGING") || limit == null || amount == null) {
                continue;
            }
            if (amount.compareTo(limit) > 0) {
                over++;
            } else if (amount.compareTo(limit.multiply(new BigDecimal("0.9"))) >= 0) {
                nearly++;
            } else {
                under++;
            }
        }
        assertThat(under).isGreaterThan(nearly).isGreaterThan(over);
        assertThat(nearly).isGreaterThan(over).isPositive();
        assertThat(over).isPositive();
    }

    @Test
    void anAmendmentBackdatedIntoABilledMonthPricesTheBilledWorkAgain() {
        List<String> backdated = new ArrayList<>();
        for (InboundMessage message : messages) {
            if (message.event() instanceof ContractReceived received && received.contract().version() > 1) {
                Contract contract = received.contract();
                YearMonth month = YearMonth.from(contract.effectiveFrom());
                Instant closed = closes.get(contract.id().value() + " " + month);
                if (closed != null && closed.isBefore(message.time())) {
                    backdated.add(contract.id().value());
                    ContractRun run = runs.get(contract.id().value());
                    assertThat(run.packages()).as("credit notes of " + contract.id().value())
                            .anySatisfy(pkg -> {
                                assertThat(pkg.isCreditNote()).isTrue();
                                assertThat(pkg.contractVersion()).isEqualTo(contract.version());
                            });
                }
            }
        }
        assertThat(backdated).isNotEmpty();
    }

    @Test
    void customersCoverEveryTaxTreatmentTheEngineKnows() {
        TaxDeterminer determiner = new TaxDeterminer();
        List<Contract> contracts = List.copyOf(latestContracts().values());
        Set<TaxTreatment> treatments = EnumSet.noneOf(TaxTreatment.class);
        contracts.forEach(contract -> treatments.add(determiner.determine(rules, contract).treatment()));

        assertThat(treatments).containsExactlyInAnyOrder(TaxTreatment.values());
        assertThat(contracts).as("Canadian provinces").anySatisfy(c -> {
            assertThat(c.seller().country()).isEqualTo("CA");
            assertThat(c.customer().region()).isNotNull();
        });
        assertThat(contracts).as("EU consumers, stated").anySatisfy(c -> {
            assertThat(c.customer().taxStatus()).isEqualTo(CustomerTaxStatus.CONSUMER);
            assertThat(c.customer().taxId()).isNull();
        });
        assertThat(contracts).as("no tax hold").allSatisfy(c ->
                assertThat(determiner.determine(rules, c).failed()).as(c.id().value()).isFalse());
    }

    private static Map<String, Contract> latestContracts() {
        Map<String, Contract> contracts = new HashMap<>();
        messages.stream().map(InboundMessage::event).filter(ContractReceived.class::isInstance)
                .map(e -> ((ContractReceived) e).contract())
                .forEach(c -> contracts.merge(c.id().value(), c, (a, b) -> a.version() > b.version() ? a : b));
        return contracts;
    }

    /** When the month of {@code date} closed for the contract in {@code key}; far in the future if it never did. */
    private static Instant closeOf(String key, LocalDate date) {
        return closes.getOrDefault(key.split(" ")[0] + " " + YearMonth.from(date), Instant.MAX);
    }
}
