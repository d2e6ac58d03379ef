package io.billwright.engine;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.eligibility.ItemAssessor;
import io.billwright.engine.eligibility.ItemVerdict;
import io.billwright.engine.item.Excess;
import io.billwright.engine.item.Expense;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.item.Item;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Decides items and keeps the contract's positions (cap used, retainer hours) in step with the decisions. */
final class Decider {

    private final ItemAssessor assessor;
    private final BillingModels models;

    Decider(ItemAssessor assessor, BillingModels models) {
        this.assessor = assessor;
        this.models = models;
    }

    /** What an item bills as under the contract's model. */
    ItemKind kindOf(Item item, Contract contract) {
        return ItemDescriptions.kindOf(item, contract, models.of(contract).timeKind());
    }

    /**
     * Decides {@code item} with the contract version in force on {@code date} and records the result.
     *
     * @param previous the item's former record when it is decided again (already reverted), else null;
     *                 with a previous record, decisions are reported only when something changed
     * @param optional true when no conclusion means "nothing to do" rather than a gap in the rules
     */
    ItemVerdict decide(Step step, Item item, LocalDate date, String milestoneId, List<String> sources,
                       ItemRecord previous, boolean optional) {
        return decide(step, item, date, milestoneId, sources, previous, null, optional);
    }

    private ItemVerdict decide(Step step, Item item, LocalDate date, String milestoneId, List<String> sources,
                               ItemRecord previous, ItemRecord previousExcess, boolean optional) {
        ContractState state = step.state;
        Contract contract = (date == null ? state.latestContract() : state.contractOn(date)).orElse(null);
        ItemKind kind = kindOf(item, contract);
        ItemVerdict verdict = assessor.assess(step.rules, item, kind, contract, state, sources, optional);
        if (verdict.isEmpty()) {
            return verdict;
        }
        if (previous == null || changed(previous, previousExcess, verdict)) {
            step.decisions.addAll(verdict.decisions());
        }
        record(step, item, kind, date, milestoneId, verdict, sources, previous == null ? null : previous.description());
        return verdict;
    }

    /** Undoes what an item's record contributed to the positions, before it is decided again. */
    void revert(Step step, ItemRecord record) {
        ContractState state = step.state;
        BigDecimal counted = ItemAssessor.countsAgainstCap(record.item()) ? record.pending() : BigDecimal.ZERO;
        step.state = state.withCapConsumed(state.capConsumed().subtract(counted))
                .withRetainerUse(monthOf(record.date()), record.drawnHours().negate())
                .withExpenseSpent(spendKeys(record.item()), record.pending().negate())
                .withoutItem(record.key());
        ItemRecord excess = step.state.items().get(Excess.keyFor(record.key()));
        if (excess != null && !excess.isBilled()) {
            revert(step, excess);
        }
    }

    /**
     * Decides again every unbilled time entry, expense and held remainder that {@code which} selects, in
     * date order, after undoing all of them first, so each sees the positions (cap used, retainer hours)
     * the others leave. Reports only decisions that changed. An item finance released or wrote off by hand stays
     * as decided: only a change of the item itself decides it again.
     */
    void reconsider(Step step, Predicate<ItemRecord> which) {
        List<ItemRecord> targets = step.state.itemsSorted(r -> !r.isBilled() && reconsiderable(r)
                && !ManualDecisions.byHand(r) && which.test(r));
        Set<String> ids = new HashSet<>();
        targets.forEach(r -> ids.add(r.key()));
        List<ItemRecord> deciding = targets.stream()
                .filter(r -> !(r.item() instanceof Excess x && ids.contains(x.sourceKey()))).toList();
        Map<String, ItemRecord> previousExcess = new HashMap<>();
        for (ItemRecord record : deciding) {
            ItemRecord excess = step.state.items().get(Excess.keyFor(record.key()));
            if (excess != null) {
                previousExcess.put(record.key(), excess);
            }
            if (step.state.items().containsKey(record.key())) {
                revert(step, record);
            }
        }
        for (ItemRecord record : deciding) {
            decide(step, record.item(), record.date(), record.milestoneId(), record.sourceEvents(), record,
                    previousExcess.get(record.key()), false);
        }
    }

    /**
     * Removes the unbilled records {@code which} selects (instalments, fees), so the next period close
     * decides them again from the terms then in force.
     */
    void withdraw(Step step, Predicate<ItemRecord> which) {
        for (ItemRecord record : step.state.itemsSorted(r -> !r.isBilled() && which.test(r))) {
            revert(step, record);
        }
    }

    private static boolean reconsiderable(ItemRecord record) {
        return record.item() instanceof TimeEntry || record.item() instanceof Expense || record.item() instanceof Excess;
    }

    private void record(Step step, Item item, ItemKind kind, LocalDate date, String milestoneId, ItemVerdict verdict,
                        List<String> sources, String previousDescription) {
        // a remainder keeps the text it was given with its source entry, which a service may not have loaded
        String description = !(item instanceof Excess x) ? ItemDescriptions.describe(item)
                : previousDescription != null ? previousDescription : remainderOf(step.state, x);
        // hours drawn from a retainer are not invoiced: the line's quantity is the hours actually billed; a
        // limit that cut the charge leaves the quantity as recorded and shows as an adjustment of the line
        BigDecimal quantity = ItemDescriptions.quantityOf(item).subtract(verdict.drawdown());
        BigDecimal gross = verdict.eligible();
        String adjustment = null;
        if (verdict.decisions().size() > 1 && verdict.eligible().signum() > 0) {
            List<Decision> cuts = verdict.decisions().subList(1, verdict.decisions().size());
            gross = gross.add(cuts.stream().map(d -> d.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
            adjustment = cuts.stream().map(Decider::adjustmentText).collect(Collectors.joining("; "));
        }
        ItemRecord record = new ItemRecord(item, kind, date, milestoneId, verdict.status(), verdict.reason(),
                verdict.eligible(), BigDecimal.ZERO, verdict.drawdown(), null, verdict.receipt(), sources,
                description, quantity, gross, adjustment, null, decidedAmount(item, verdict));
        ContractState state = step.state;
        state = state.withItem(record)
                .withCapConsumed(ItemAssessor.countsAgainstCap(item) ? state.capConsumed().add(verdict.eligible())
                        : state.capConsumed())
                .withRetainerUse(monthOf(date), verdict.drawdown())
                .withExpenseSpent(spendKeys(item), verdict.eligible());
        step.state = state;
        holdRemainder(step, item, kind, date, milestoneId, verdict, sources, description);
    }

    /**
     * Keeps the part of an item a cap held back as a remainder of its own, decided again when the cap has
     * room; nothing when the verdict held nothing back.
     */
    void holdRemainder(Step step, Item item, ItemKind kind, LocalDate date, String milestoneId, ItemVerdict verdict,
                       List<String> sources, String description) {
        if (verdict.excess() == null) {
            return;
        }
        Excess excess = new Excess(verdict.excess().sourceItemId(), verdict.excess().sourceKey(), kind, date,
                verdict.excess().amount(), spendKeys(item));
        var heldPart = verdict.decisions().get(verdict.decisions().size() - 1);
        step.state = step.state.withItem(new ItemRecord(excess, kind, date, milestoneId, DecisionStatus.HELD,
                heldPart.reason(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, verdict.receipt(),
                sources, remainderText(description), BigDecimal.ONE, null, null, null, excess.amount()));
    }

    /**
     * What the item amounts to as decided: its eligible part, or the amount of its own decision (held, rejected or
     * tracked); a cut of a split item carries another id and is not the item's own.
     */
    private static BigDecimal decidedAmount(Item item, ItemVerdict verdict) {
        if (verdict.status() == DecisionStatus.ELIGIBLE) {
            return verdict.eligible();
        }
        BigDecimal own = BigDecimal.ZERO;
        for (Decision decision : verdict.decisions()) {
            if (decision.itemId().equals(item.itemId())) {
                own = decision.amount().amount();
            }
        }
        return own;
    }

    /** How a cut reads on the invoice: what became of the amount, and the limit's own words. */
    private static String adjustmentText(Decision cut) {
        String fate = cut.status() == DecisionStatus.HELD ? "Held over" : "Not billable";
        return fate + " (" + cut.reason() + ")" + (cut.detail().isEmpty() ? "" : ": " + cut.detail());
    }

    /** A remainder's invoice text names the entry it is the rest of. */
    private static String remainderOf(ContractState state, Excess excess) {
        ItemRecord source = state.items().get(excess.sourceKey());
        return source == null ? ItemDescriptions.describe(excess) : remainderText(source.description());
    }

    private static String remainderText(String sourceDescription) {
        if (sourceDescription.startsWith("Remainder of ")) {
            return sourceDescription;
        }
        return "Remainder of " + sourceDescription + ", held over the not-to-exceed cap";
    }

    /** Where an expense, or a remainder of one, counts against per-day and per-trip limits (none for anything else). */
    static List<String> spendKeys(Item item) {
        if (item instanceof Excess excess) {
            return excess.spendKeys();
        }
        if (!(item instanceof Expense expense)) {
            return List.of();
        }
        List<String> keys = new java.util.ArrayList<>(2);
        if (expense.dayKey() != null) {
            keys.add(expense.dayKey());
        }
        if (expense.tripKey() != null) {
            keys.add(expense.tripKey());
        }
        return keys;
    }

    private static YearMonth monthOf(LocalDate date) {
        return date == null ? YearMonth.of(1970, 1) : YearMonth.from(date);
    }

    private static boolean changed(ItemRecord previous, ItemRecord previousExcess, ItemVerdict verdict) {
        boolean excessChanged = verdict.excess() == null ? previousExcess != null
                : previousExcess == null || ((Excess) previousExcess.item()).amount().compareTo(verdict.excess().amount()) != 0;
        return previous.status() != verdict.status() || previous.reason() != verdict.reason()
                || previous.pending().compareTo(verdict.eligible()) != 0 || excessChanged;
    }
}
