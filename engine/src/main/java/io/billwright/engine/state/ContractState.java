package io.billwright.engine.state;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.event.EventId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * @param items            items by id
 * @param processedEvents  ids of events already applied (a redelivered event changes nothing)
 * @param capConsumed      eligible or billed amount counted against the not-to-exceed cap
 * @param retainerHours    retainer hours left in the current period
 * @param retentionWithheld withheld and not yet released
 * @param triggers         packages issued per trigger ({@code Trigger.toString()})
 * @param milestones       progress per milestone id
 * @param billedOnce       schedule instalments and retainer periods already billed
 */
public record ContractState(ContractId contractId, PMap<Integer, Contract> versions, PMap<String, ItemRecord> items,
                            PSet<String> processedEvents, BigDecimal capConsumed, BigDecimal retainerHours,
                            BigDecimal retentionWithheld, PMap<String, Integer> triggers,
                            PMap<String, MilestoneProgress> milestones, PSet<String> billedOnce, boolean completed) {

    public ContractState {
        Objects.requireNonNull(contractId, "contractId");
    }

    public static ContractState empty(ContractId contractId) {
        return new ContractState(contractId, TreePMap.empty(), HashTreePMap.empty(), HashTreePSet.empty(),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, HashTreePMap.empty(), HashTreePMap.empty(),
                HashTreePSet.empty(), false);
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

    public Optional<ItemRecord> item(String itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    public List<ItemRecord> itemsSorted() {
        return items.values().stream()
                .sorted(Comparator.comparing(ItemRecord::date, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(ItemRecord::itemId))
                .toList();
    }

    public int packagesFor(String trigger) {
        return triggers.getOrDefault(trigger, 0);
    }

    public MilestoneProgress milestone(String milestoneId) {
        return milestones.getOrDefault(milestoneId, MilestoneProgress.NONE);
    }

    // ---- transitions ---------------------------------------------------------------------------

    public ContractState withProcessed(EventId id) {
        return new ContractState(contractId, versions, items, processedEvents.plus(id.value()), capConsumed,
                retainerHours, retentionWithheld, triggers, milestones, billedOnce, completed);
    }

    public ContractState withVersion(Contract contract) {
        return new ContractState(contractId, versions.plus(contract.version(), contract), items, processedEvents,
                capConsumed, retainerHours, retentionWithheld, triggers, milestones, billedOnce, completed);
    }

    public ContractState withItem(ItemRecord record) {
        return new ContractState(contractId, versions, items.plus(record.itemId(), record), processedEvents,
                capConsumed, retainerHours, retentionWithheld, triggers, milestones, billedOnce, completed);
    }

    public ContractState withoutItem(String itemId) {
        return new ContractState(contractId, versions, items.minus(itemId), processedEvents, capConsumed,
                retainerHours, retentionWithheld, triggers, milestones, billedOnce, completed);
    }

    public ContractState withCapConsumed(BigDecimal value) {
        return new ContractState(contractId, versions, items, processedEvents, value, retainerHours,
                retentionWithheld, triggers, milestones, billedOnce, completed);
    }

    public ContractState withRetainerHours(BigDecimal value) {
        return new ContractState(contractId, versions, items, processedEvents, capConsumed, value, retentionWithheld,
                triggers, milestones, billedOnce, completed);
    }

    public ContractState withRetentionWithheld(BigDecimal value) {
        return new ContractState(contractId, versions, items, processedEvents, capConsumed, retainerHours, value,
                triggers, milestones, billedOnce, completed);
    }

    public ContractState withPackageIssued(String trigger) {
        return new ContractState(contractId, versions, items, processedEvents, capConsumed, retainerHours,
                retentionWithheld, triggers.plus(trigger, packagesFor(trigger) + 1), milestones, billedOnce, completed);
    }

    public ContractState withMilestone(String milestoneId, MilestoneProgress progress) {
        return new ContractState(contractId, versions, items, processedEvents, capConsumed, retainerHours,
                retentionWithheld, triggers, milestones.plus(milestoneId, progress), billedOnce, completed);
    }

    public ContractState withBilledOnce(String key) {
        return new ContractState(contractId, versions, items, processedEvents, capConsumed, retainerHours,
                retentionWithheld, triggers, milestones, billedOnce.plus(key), completed);
    }

    public ContractState withCompleted() {
        return new ContractState(contractId, versions, items, processedEvents, capConsumed, retainerHours,
                retentionWithheld, triggers, milestones, billedOnce, true);
    }
}
