package io.billwright.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.contract.ContractId;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.item.ApprovalStatus;
import io.billwright.engine.item.Expense;
import io.billwright.engine.item.Item;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.item.TimeEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;

/** The submitted records found by their key set are exactly what a scan of every record finds, in its order. */
class SubmittedItemsTest {

    private static final Predicate<ItemRecord> LINKED = r -> "M1".equals(r.milestoneId());

    @Test
    void findsWhatAFullScanFindsThroughEveryChange() {
        Random random = new Random(7);
        ContractState state = ContractState.empty(new ContractId("C-1"));
        PMap<String, ItemRecord> plain = HashTreePMap.empty();
        for (int i = 0; i < 3_000; i++) {
            ItemRecord record = record(random);
            if (random.nextInt(5) == 0 && state.items().containsKey(record.key())) {
                state = state.withoutItem(record.key());
                plain = plain.minus(record.key());
            } else {
                state = state.withItem(record);
                plain = plain.plus(record.key(), record);
            }
            assertThat(state.submittedSorted(LINKED)).isEqualTo(scan(state, LINKED));
        }
        assertThat(state.items()).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(plain).isEqualTo(state.items());
        assertThat(List.copyOf(state.items().keySet())).isEqualTo(List.copyOf(plain.keySet()));
        assertThat(state.settled()).isEqualTo(state);
    }

    @Test
    void aStateReadBackFindsTheSameAsTheOneWritten() {
        Random random = new Random(11);
        ContractState state = ContractState.empty(new ContractId("C-1"));
        for (int i = 0; i < 500; i++) {
            state = state.withItem(record(random));
        }
        PMap<String, ItemRecord> decoded = HashTreePMap.from(state.items());
        ContractState read = new ContractState(state.contractId(), state.versions(), decoded, state.processedEvents(),
                state.capConsumed(), state.retainerUsed(), state.retainerCarried(), state.expenseSpent(),
                state.retentionWithheld(), state.triggers(), state.milestones(), state.completed());
        assertThat(read).isEqualTo(state);
        assertThat(read.submittedSorted(LINKED)).isEqualTo(state.submittedSorted(LINKED))
                .isEqualTo(scan(read, LINKED));
    }

    @Test
    void aTimeEntryAndAnExpenseOfTheSameIdAndDateKeepTheScansOrder() {
        LocalDate day = LocalDate.parse("2026-01-05");
        ContractState state = ContractState.empty(new ContractId("C-1"))
                .withItem(record(entry("X-1", day, ApprovalStatus.SUBMITTED)))
                .withItem(record(expense("X-1", day, ApprovalStatus.SUBMITTED)))
                .withItem(record(entry("X-0", day, ApprovalStatus.SUBMITTED)));
        assertThat(state.submittedSorted(r -> true)).hasSize(3).isEqualTo(scan(state, r -> true));
    }

    private static List<ItemRecord> scan(ContractState state, Predicate<ItemRecord> which) {
        return state.itemsSorted(r -> ItemMap.isSubmitted(r) && which.test(r));
    }

    private static ItemRecord record(Random random) {
        String id = "X-" + random.nextInt(400);
        LocalDate date = LocalDate.parse("2026-01-01").plusDays(random.nextInt(40));
        ApprovalStatus status = ApprovalStatus.values()[random.nextInt(ApprovalStatus.values().length)];
        String milestone = random.nextBoolean() ? "M1" : random.nextBoolean() ? "M2" : null;
        Item item = random.nextInt(4) == 0 ? expense(id, date, status, milestone) : entry(id, date, status, milestone);
        return record(item, date, milestone);
    }

    private static TimeEntry entry(String id, LocalDate date, ApprovalStatus status) {
        return entry(id, date, status, null);
    }

    private static TimeEntry entry(String id, LocalDate date, ApprovalStatus status, String milestone) {
        return new TimeEntry(id, "anna", "CONSULTANT", date, new BigDecimal("8"), true, status, milestone, false, null,
                "Work " + id);
    }

    private static Expense expense(String id, LocalDate date, ApprovalStatus status) {
        return expense(id, date, status, null);
    }

    private static Expense expense(String id, LocalDate date, ApprovalStatus status, String milestone) {
        return new Expense(id, date, "TRAVEL", new BigDecimal("10"), Currency.getInstance("EUR"), null, true, status,
                milestone, "Taxi", null, null);
    }

    private static ItemRecord record(Item item) {
        return record(item, item instanceof TimeEntry t ? t.date() : ((Expense) item).date(), null);
    }

    private static ItemRecord record(Item item, LocalDate date, String milestone) {
        return new ItemRecord(item, ItemKind.TIME, date, milestone, DecisionStatus.HELD, null, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, null, null, List.of("m-1"), "Work", BigDecimal.ONE, null, null, null,
                BigDecimal.ZERO);
    }
}
