package io.billwright.simulations.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.BillingModel;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.event.BillingEvent;
import io.billwright.engine.event.BillingPeriodClosed;
import io.billwright.engine.event.ContractCompleted;
import io.billwright.engine.event.ContractReceived;
import io.billwright.engine.event.ExpenseRecorded;
import io.billwright.engine.event.MilestoneAccepted;
import io.billwright.engine.event.TimeEntryRecorded;
import io.billwright.engine.item.ApprovalStatus;
import io.billwright.engine.item.Expense;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.state.ItemRecord;
import io.billwright.events.EventDecoder;
import io.billwright.events.EventType;
import io.billwright.events.InboundMessage;
import io.billwright.events.InboundSchemas;
import io.billwright.events.MessageReader;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.simulations.run.ContractRun;
import io.billwright.simulations.run.Side;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatasetGeneratorTest {

    private static final YearMonth JULY = YearMonth.of(2026, 7);
    private static final Set<ItemKind> HOURS = Set.of(ItemKind.TIME, ItemKind.SUBCONTRACTOR_TIME,
            ItemKind.RETAINER_OVERAGE);

    /** A 150-person firm's quarter, read by the service's reader: the data set the coverage tests look at. */
    private static List<InboundMessage> quarter;

    @BeforeAll
    static void generateAQuarter() {
        quarter = read(generate(GeneratorOptions.of(7, 150, 3, JULY)));
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        GeneratorOptions options = GeneratorOptions.of(42, 40, 2, JULY);

        assertThat(generate(options)).isEqualTo(generate(options));
    }

    @Test
    void anotherSeedGivesAnotherDataSet() {
        assertThat(generate(GeneratorOptions.of(42, 40, 2, JULY)))
                .isNotEqualTo(generate(GeneratorOptions.of(43, 40, 2, JULY)));
    }

    @Test
    void everyLineIsAcceptedByTheServicesReaderInTimeOrderWithUniqueIds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GenerationSummary summary = new DatasetGenerator(GeneratorOptions.of(42, 40, 2, JULY)).writeTo(out);
        String file = out.toString(StandardCharsets.UTF_8);

        List<InboundMessage> messages = read(out.toByteArray());

        assertThat(file).endsWith("}\n");
        assertThat(messages).hasSize((int) summary.events());
        assertThat(messages.stream().map(InboundMessage::messageId).distinct()).hasSize(messages.size());
        assertThat(messages).extracting(InboundMessage::time).isSortedAccordingTo(Instant::compareTo);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.envelope().source()).startsWith("/");
            assertThat(m.correlationId()).isNotEqualTo(m.messageId());
        });
    }

    @Test
    void theSummaryCountsWhatWasWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GenerationSummary summary = new DatasetGenerator(GeneratorOptions.of(5, 60, 1, JULY)).writeTo(out);
        List<InboundMessage> messages = read(out.toByteArray());

        Map<EventType, Long> byType = messages.stream()
                .collect(Collectors.groupingBy(InboundMessage::type, Collectors.counting()));
        assertThat(summary.eventsByType()).isEqualTo(byType);
        assertThat(summary.people()).isEqualTo(60);
        assertThat(summary.contracts()).isEqualTo(contractIds(messages).size());
        assertThat(summary.contractsByModel()).containsOnlyKeys(BillingModel.values());
        assertThat(summary.describe()).contains("60 people", summary.events() + " events");
    }

    @Test
    void aTargetEventCountSizesTheFirm() {
        GeneratorOptions options = GeneratorOptions.forEvents(3, 40_000, 3, JULY);

        GenerationSummary summary = new DatasetGenerator(options).writeTo(new ByteArrayOutputStream());

        assertThat(options.people()).isBetween(200, 280);
        assertThat(summary.events()).isBetween(36_000L, 44_000L);
        assertThat(GeneratorOptions.forEvents(3, 1_000_000, 3, JULY).estimatedEvents()).isBetween(990_000L, 1_010_000L);
    }

    @Test
    void coversEveryBillingModelSeveralCurrenciesCountriesAndTaxCases() {
        List<Contract> contracts = contracts(quarter);

        assertThat(contracts).extracting(Contract::model).containsOnly(BillingModel.values())
                .contains(BillingModel.values());
        assertThat(contracts.stream().map(Contract::currencyCode).distinct()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(contracts.stream().map(c -> c.customer().country()).distinct()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(contracts.stream().map(c -> c.seller().id()).distinct()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(contracts).anySatisfy(c -> assertThat(c.notToExceed()).isNotNull());
        assertThat(contracts).anySatisfy(c -> assertThat(c.retention()).isNotNull());
        assertThat(contracts).anySatisfy(c -> assertThat(c.passesThroughSubcontractors()).isTrue());
        assertThat(contracts).anySatisfy(c -> assertThat(c.retainer()).isNotNull().matches(r -> r.rollover()));
        assertThat(contracts.stream().map(Contract::erpTarget).distinct()).hasSize(3);
        assertThat(contracts).as("EU cross-border B2B, reverse charged").anySatisfy(c -> {
            assertThat(c.customer().country()).isNotEqualTo(c.seller().country()).isIn("FR", "NL", "BE", "IT", "ES",
                    "AT", "PL", "SE", "DE");
            assertThat(c.customer().taxId()).startsWith(c.customer().country());
        });
        assertThat(contracts).as("US states").anySatisfy(c -> {
            assertThat(c.seller().country()).isEqualTo("US");
            assertThat(c.customer().region()).isNotNull();
        });
    }

    @Test
    void recordsTheUsualMishaps() {
        List<TimeEntryRecorded> entries = events(quarter, TimeEntryRecorded.class);
        Map<String, java.util.Currency> currencies = new HashMap<>();
        contracts(quarter).forEach(c -> currencies.put(c.id().value(), c.currency()));
        List<ExpenseRecorded> recorded = events(quarter, ExpenseRecorded.class);
        List<Expense> expenses = recorded.stream().map(ExpenseRecorded::expense).toList();
        List<Expense> foreign = recorded.stream()
                .filter(e -> !e.expense().currency().equals(currencies.get(e.contractId().value())))
                .map(ExpenseRecorded::expense).toList();
        Map<String, Contract> versionTwo = contracts(quarter).stream().filter(c -> c.version() == 2)
                .collect(Collectors.toMap(c -> c.id().value(), c -> c));

        assertThat(entries).anySatisfy(e -> assertThat(e.entry().status()).isEqualTo(ApprovalStatus.REJECTED));
        assertThat(entries).anySatisfy(e -> assertThat(e.entry().billable()).isFalse());
        assertThat(lateApprovals(quarter)).as("approved after their month closed").isGreaterThan(10);
        assertThat(expenses).anySatisfy(e -> assertThat(e.receipt()).isFalse());
        assertThat(Stream.concat(contracts(quarter).stream().map(Contract::currencyCode),
                expenses.stream().map(Expense::currencyCode)).distinct()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(foreign).as("paid abroad and converted").anySatisfy(e -> assertThat(e.convertedAmount()).isNotNull());
        assertThat(foreign).as("paid abroad, not converted").anySatisfy(e -> assertThat(e.convertedAmount()).isNull());
        assertThat(versionTwo).as("amended").isNotEmpty();
        assertThat(events(quarter, MilestoneAccepted.class)).isNotEmpty();
        assertThat(events(quarter, ContractCompleted.class)).isNotEmpty();
    }

    @Test
    void closesEveryContractForEveryMonthItIsInForce() {
        Map<String, LocalDate> starts = new HashMap<>();
        contracts(quarter).forEach(c -> starts.merge(c.id().value(), c.effectiveFrom(),
                (a, b) -> a.isBefore(b) ? a : b));
        Set<String> closes = events(quarter, BillingPeriodClosed.class).stream()
                .map(e -> e.contractId().value() + " " + e.period().id()).collect(Collectors.toSet());

        Set<String> expected = new TreeSet<>();
        starts.forEach((contract, start) -> {
            for (YearMonth month = YearMonth.from(start); !month.isAfter(JULY.plusMonths(2)); month = month.plusMonths(1)) {
                expected.add(contract + " " + month);
            }
        });
        assertThat(closes).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void replayedThroughTheEngineItBillsEveryModelAndHoldsAFewItems() {
        Map<String, BillingModel> models = new HashMap<>();
        contracts(quarter).forEach(c -> models.put(c.id().value(), c.model()));

        // each contract's events in file order, through the simulator's own replay
        Map<String, List<BillingEvent>> byContract = new LinkedHashMap<>();
        quarter.forEach(m -> byContract.computeIfAbsent(m.contractId().value(), k -> new ArrayList<>()).add(m.event()));
        Side side = Side.of(DefaultRuleSet.load());
        List<ContractRun> runs = byContract.entrySet().stream()
                .map(contract -> side.replay(contract.getKey(), contract.getValue())).toList();

        List<BillingPackage> packages = runs.stream().flatMap(run -> run.packages().stream()).toList();
        assertThat(packages).extracting(p -> models.get(p.contractId().value())).contains(BillingModel.values());
        List<ItemRecord> items = runs.stream().flatMap(run -> run.state().itemsSorted().stream()).toList();
        List<ItemRecord> hours = items.stream().filter(r -> HOURS.contains(r.kind())).toList();
        long held = hours.stream().filter(r -> r.status() == DecisionStatus.HELD).count();
        long billedOrCovered = hours.stream().filter(r -> r.isBilled() || r.isPending()
                || r.status() == DecisionStatus.TRACKED).count();
        assertThat(held).as("hours held").isPositive().isLessThan(hours.size() * 3L / 100);
        assertThat(billedOrCovered).as("hours billed or covered by a fee").isGreaterThan(hours.size() * 90L / 100);
        assertThat(items).extracting(ItemRecord::reason).contains(ReasonCode.MISSING_RECEIPT,
                ReasonCode.AWAITING_APPROVAL, ReasonCode.REJECTED_BY_APPROVER, ReasonCode.CATEGORY_NOT_BILLABLE,
                ReasonCode.INCLUDED_IN_FIXED_FEE, ReasonCode.INCLUDED_IN_MILESTONE, ReasonCode.INCLUDED_IN_RETAINER);
        assertThat(items).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(ItemKind.RETENTION_RELEASE);
            assertThat(r.isBilled()).isTrue();
        });
    }

    /** Approvals that arrived after their contract's period close for the month of the entry. */
    private static long lateApprovals(List<InboundMessage> messages) {
        Map<String, Instant> closes = new HashMap<>();
        long late = 0;
        for (InboundMessage message : messages) {
            if (message.event() instanceof BillingPeriodClosed close) {
                closes.put(close.contractId().value() + " " + close.period().id(), message.time());
            } else if (message.event() instanceof TimeEntryRecorded entry
                    && entry.entry().status() == ApprovalStatus.APPROVED
                    && closes.containsKey(entry.contractId().value() + " " + YearMonth.from(entry.entry().date()))) {
                late++;
            }
        }
        return late;
    }

    private static List<Contract> contracts(List<InboundMessage> messages) {
        return events(messages, ContractReceived.class).stream().map(ContractReceived::contract).toList();
    }

    private static Set<String> contractIds(List<InboundMessage> messages) {
        return new HashSet<>(contracts(messages).stream().map(c -> c.id().value()).toList());
    }

    private static <T> List<T> events(List<InboundMessage> messages, Class<T> type) {
        return messages.stream().map(InboundMessage::event).filter(type::isInstance).map(type::cast).toList();
    }

    static byte[] generate(GeneratorOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DatasetGenerator(options).writeTo(out);
        return out.toByteArray();
    }

    /** Every line through the service's own reader: it throws on the first line the service would refuse. */
    static List<InboundMessage> read(byte[] file) {
        MessageReader reader = new MessageReader(new InboundSchemas(), new EventDecoder(), 1 << 20);
        List<InboundMessage> messages = new ArrayList<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            messages.add(reader.read(line.getBytes(StandardCharsets.UTF_8)));
        }
        return messages;
    }
}
