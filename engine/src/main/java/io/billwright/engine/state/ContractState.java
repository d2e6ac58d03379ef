package io.billwright.engine.state;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.event.EventId;
import io.billwright.engine.item.Item;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;
import org.pcollections.TreePMap;

/**
 * Everything the engine knows about one contract between events. Immutable: every change returns a
 * new state that shares most of its structure with the old one, so an engine call never alters the
 * state it was given.
 *
 * @param versions         every approved version received, by version number
 * @param items            item records by {@link Item#stateKey()}
 * @param processedEvents  ids of events already applied (a redelivered event changes nothing)
 * @param capConsumed      eligible or billed amount counted against the not-to-exceed cap
 * @param retainerUsed     retainer hours used per calendar month ({@code 2026-01})
 * @param retainerCarried  unused retainer hours rolled into a month from the one before
 * @param expenseSpent     expenses eligible or billed per person and day, and per trip, by category
 *                         ({@link ExpenseSpend}): what a per-day or per-trip limit has left
 * @param retentionWithheld withheld and not yet released
 * @param triggers         packages issued per trigger ({@code Trigger.toString()})
 * @param milestones       progress per milestone id
 * @param completed        the contract was completed (retention released)
 * @param changedItems     keys of the items added, replaced or removed since the state was last
 *                         {@linkplain #settled() settled}: bookkeeping for a store that writes only what
 *                         changed, not part of the state's value ({@link #equals} ignores it)
 */
public record ContractState(ContractId contractId, PMap<Integer, Contract> versions, PMap<String, ItemRecord> items,
                            PSet<String> processedEvents, BigDecimal capConsumed, PMap<String, BigDecimal> retainerUsed,
                            PMap<String, BigDecimal> retainerCarried, PMap<String, BigDecimal> expenseSpent,
                            BigDecimal retentionWithheld, PMap<String, Integer> triggers,
                            PMap<String, MilestoneProgress> milestones, boolean completed,
                            PSet<String> changedItems) {

    public ContractState {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(changedItems, "changedItems");
        // the same records, with the keys of the submitted ones kept beside them
        items = items == null ? null : ItemMap.of(items);
        expenseSpent = expenseSpent == null ? HashTreePMap.empty() : expenseSpent;
    }

    /** A settled state: no item counts as changed. */
    public ContractState(ContractId contractId, PMap<Integer, Contract> versions, PMap<String, ItemRecord> items,
                         PSet<String> processedEvents, BigDecimal capConsumed, PMap<String, BigDecimal> retainerUsed,
                         PMap<String, BigDecimal> retainerCarried, PMap<String, BigDecimal> expenseSpent,
                         BigDecimal retentionWithheld, PMap<String, Integer> triggers,
                         PMap<String, MilestoneProgress> milestones, boolean completed) {
        this(contractId, versions, items, processedEvents, capConsumed, retainerUsed, retainerCarried, expenseSpent,
                retentionWithheld, triggers, milestones, completed, HashTreePSet.empty());
    }

    /** The same state with no item counted as changed: what a store keeps once it has written the changes. */
    public ContractState settled() {
        return changedItems.isEmpty() ? this : new ContractState(contractId, versions, items, processedEvents,
                capConsumed, retainerUsed, retainerCarried, expenseSpent, retentionWithheld, triggers, milestones, completed);
    }

    /**
     * The same state without the ids of the events applied to it: for a store that deduplicates by message
     * id on its own (the service's event log), so the state it keeps does not grow with every message.
     */
    public ContractState withoutProcessedEvents() {
        return processedEvents.isEmpty() ? this : new ContractState(contractId, versions, items, HashTreePSet.empty(),
                capConsumed, retainerUsed, retainerCarried, expenseSpent, retentionWithheld, triggers, milestones, completed,
                changedItems);
    }

    /** Equal when everything but {@link #changedItems()} is: two states holding the same facts are the same. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ContractState that && completed == that.completed
                && contractId.equals(that.contractId) && versions.equals(that.versions) && items.equals(that.items)
                && processedEvents.equals(that.processedEvents) && capConsumed.equals(that.capConsumed)
                && retainerUsed.equals(that.retainerUsed) && retainerCarried.equals(that.retainerCarried)
                && expenseSpent.equals(that.expenseSpent)
                && retentionWithheld.equals(that.retentionWithheld) && triggers.equals(that.triggers)
                && milestones.equals(that.milestones);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contractId, versions, items, processedEvents, capConsumed, retainerUsed, retainerCarried, expenseSpent,
                retentionWithheld, triggers, milestones, completed);
    }

    public static ContractState empty(ContractId contractId) {
        return new ContractState(contractId, TreePMap.empty(), HashTreePMap.empty(), HashTreePSet.empty(),
                BigDecimal.ZERO, HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty(), BigDecimal.ZERO,
                HashTreePMap.empty(), HashTreePMap.empty(), false);
    }

    public boolean hasProcessed(EventId id) {
        return processedEvents.contains(id.value());
    }

    public boolean hasContract() {
        return !versions.isEmpty();
    }

    /**
     * The version in force on {@code date}: the highest-numbered approved version effective by then. A
     * late, older version therefore never overrides a newer one; before the first effective date there
     * is none, and items wait for a version in force.
     */
    public Optional<Contract> contractOn(LocalDate date) {
        Contract best = null;
        for (Contract version : versions.values()) {
            if (!version.effectiveFrom().isAfter(date) && (best == null || version.version() > best.version())) {
                best = version;
            }
        }
        return Optional.ofNullable(best);
    }

    public Optional<Contract> latestContract() {
        return versions.values().stream().max(Comparator.comparingInt(Contract::version));
    }

    /** The record of {@code item} (matched by kind and id), or null. */
    public ItemRecord recordOf(Item item) {
        return items.get(item.stateKey());
    }

    public List<ItemRecord> itemsSorted() {
        return itemsSorted(record -> true);
    }

    /**
     * The items {@code which} selects, in the order of {@link #itemsSorted()}. Filtering before sorting
     * matters: a contract keeps its billed items, so a long engagement holds thousands, and a correction
     * reconsiders only a few.
     */
    public List<ItemRecord> itemsSorted(Predicate<ItemRecord> which) {
        return items.values().stream()
                .filter(which)
                .sorted(ITEM_ORDER)
                .toList();
    }

    /**
     * The records of time entries and expenses still submitted that {@code which} selects, in the order of
     * {@link #itemsSorted()}: {@code itemsSorted(r -> submitted && which.test(r))}, found among the few submitted
     * records rather than among all. Two of them with the same date and id (a time entry and an expense sharing an
     * id) keep the order the full scan meets them in, which only the full scan knows: then it scans.
     */
    public List<ItemRecord> submittedSorted(Predicate<ItemRecord> which) {
        List<ItemRecord> found = new ArrayList<>();
        for (String key : ((ItemMap) items).submittedKeys()) {
            ItemRecord record = items.get(key);
            if (which.test(record)) {
                found.add(record);
            }
        }
        found.sort(ITEM_ORDER);
        for (int i = 1; i < found.size(); i++) {
            if (ITEM_ORDER.compare(found.get(i - 1), found.get(i)) == 0) {
                return itemsSorted(record -> ItemMap.isSubmitted(record) && which.test(record));
            }
        }
        return Collections.unmodifiableList(found);
    }

    private static final Comparator<ItemRecord> ITEM_ORDER = Comparator
            .comparing(ItemRecord::date, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ItemRecord::itemId);

    public int packagesFor(String trigger) {
        return triggers.getOrDefault(trigger, 0);
    }

    /** Retainer hours left in {@code month}: the included hours plus any rolled in, less those used. */
    public BigDecimal retainerHoursLeft(YearMonth month, BigDecimal includedHours) {
        String key = month.toString();
        return includedHours.add(retainerCarried.getOrDefault(key, BigDecimal.ZERO))
                .subtract(retainerUsed.getOrDefault(key, BigDecimal.ZERO));
    }

    public MilestoneProgress milestone(String milestoneId) {
        return milestones.getOrDefault(milestoneId, MilestoneProgress.NONE);
    }

    // ---- transitions ---------------------------------------------------------------------------

    public ContractState withProcessed(EventId id) {
        return new ContractState(contractId, versions, items, processedEvents.plus(id.value()), capConsumed,
                retainerUsed, retainerCarried, expenseSpent, retentionWithheld, triggers, milestones, completed, changedItems);
    }

    public ContractState withVersion(Contract contract) {
        return new ContractState(contractId, versions.plus(contract.version(), contract), items, processedEvents,
                capConsumed, retainerUsed, retainerCarried, expenseSpent, retentionWithheld, triggers, milestones, completed,
                changedItems);
    }

    public ContractState withoutVersion(int version) {
        return new ContractState(contractId, versions.minus(version), items, processedEvents, capConsumed,
                retainerUsed, retainerCarried, expenseSpent, retentionWithheld, triggers, milestones, completed, changedItems);
    }

    public ContractState withItem(ItemRecord record) {
        return new ContractState(contractId, versions, items.plus(record.key(), record), processedEvents,
                capConsumed, retainerUsed, retainerCarried, expenseSpent, retentionWithheld, triggers, milestones, completed,
                changedItems.plus(record.key()));
    }

    public ContractState withoutItem(String key) {
        return new ContractState(contractId, versions, items.minus(key), processedEvents, capConsumed,
                retainerUsed, retainerCarried, expenseSpent, retentionWithheld, triggers, milestones, completed,
                changedItems.plus(key));
    }

    public ContractState withCapConsumed(BigDecimal value) {
        return new ContractState(contractId, versions, items, processedEvents, value, retainerUsed, retainerCarried, expenseSpent,
                retentionWithheld, triggers, milestones, completed, changedItems);
    }

    /** Adds {@code hours} (negative to give them back) to the retainer hours used in {@code month}. */
    public ContractState withRetainerUse(YearMonth month, BigDecimal hours) {
        if (hours.signum() == 0) {
            return this;
        }
        String key = month.toString();
        return new ContractState(contractId, versions, items, processedEvents, capConsumed,
                retainerUsed.plus(key, retainerUsed.getOrDefault(key, BigDecimal.ZERO).add(hours)), retainerCarried, expenseSpent,
                retentionWithheld, triggers, milestones, completed, changedItems);
    }

    public ContractState withRetainerCarried(YearMonth month, BigDecimal hours) {
        return new ContractState(contractId, versions, items, processedEvents, capConsumed, retainerUsed,
                retainerCarried.plus(month.toString(), hours), expenseSpent, retentionWithheld, triggers, milestones, completed,
                changedItems);
    }

    public ContractState withRetentionWithheld(BigDecimal value) {
        return new ContractState(contractId, versions, items, processedEvents, capConsumed, retainerUsed,
                retainerCarried, expenseSpent, value, triggers, milestones, completed, changedItems);
    }

    public ContractState withPackageIssued(String trigger) {
        return new ContractState(contractId, versions, items, processedEvents, capConsumed, retainerUsed,
                retainerCarried, expenseSpent, retentionWithheld, triggers.plus(trigger, packagesFor(trigger) + 1), milestones,
                completed, changedItems);
    }

    public ContractState withMilestone(String milestoneId, MilestoneProgress progress) {
        return new ContractState(contractId, versions, items, processedEvents, capConsumed, retainerUsed,
                retainerCarried, expenseSpent, retentionWithheld, triggers, milestones.plus(milestoneId, progress), completed,
                changedItems);
    }

    public ContractState withCompleted() {
        return new ContractState(contractId, versions, items, processedEvents, capConsumed, retainerUsed,
                retainerCarried, expenseSpent, retentionWithheld, triggers, milestones, true, changedItems);
    }

    /** Adds {@code amount} (negative to give it back) to what was spent under each of {@code keys}. */
    public ContractState withExpenseSpent(java.util.List<String> keys, BigDecimal amount) {
        if (keys.isEmpty() || amount.signum() == 0) {
            return this;
        }
        PMap<String, BigDecimal> spent = expenseSpent;
        for (String key : keys) {
            BigDecimal now = spent.getOrDefault(key, BigDecimal.ZERO).add(amount);
            spent = now.signum() == 0 ? spent.minus(key) : spent.plus(key, now);
        }
        return new ContractState(contractId, versions, items, processedEvents, capConsumed, retainerUsed,
                retainerCarried, spent, retentionWithheld, triggers, milestones, completed, changedItems);
    }

    /** What was spent under {@code key}, zero when nothing. */
    public BigDecimal expenseSpentUnder(String key) {
        return key == null ? BigDecimal.ZERO : expenseSpent.getOrDefault(key, BigDecimal.ZERO);
    }
}
