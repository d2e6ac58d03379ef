package io.billwright.engine.eligibility;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.facts.CapPosition;
import io.billwright.engine.facts.ExpenseSpend;
import io.billwright.engine.facts.Conclusion;
import io.billwright.engine.item.Excess;
import io.billwright.engine.item.Expense;
import io.billwright.engine.item.Item;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.ruleset.Evaluation;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleTimeoutException;
import io.billwright.engine.state.ContractState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Runs the rules over one item with its contract and positions, and resolves what they concluded. */
public final class ItemAssessor {

    /** ISO 4217 "no currency": amounts of items decided before their contract is known. */
    private static final Currency NO_CURRENCY = Currency.getInstance("XXX");

    private final ConclusionResolver resolver = new ConclusionResolver();
    private final ModelPositions modelPositions;

    /** An assessor whose items see only the contract-wide positions (the cap), no billing model's own. */
    public ItemAssessor() {
        this(ModelPositions.NONE);
    }

    /** @param modelPositions what the contract's billing model adds beside each item */
    public ItemAssessor(ModelPositions modelPositions) {
        this.modelPositions = modelPositions;
    }

    /**
     * @param contract the version in force for the item, or null when none has arrived
     * @param optional true when silence is an answer (an instalment not yet due); false holds an item
     *                 no rule decided
     */
    public ItemVerdict assess(RuleSet rules, Item item, ItemKind kind, Contract contract, ContractState state,
                              List<String> sourceEvents, boolean optional) {
        List<Object> facts = new ArrayList<>(4);
        facts.add(item);
        if (contract != null) {
            facts.add(contract);
            // the cap is contract-wide: the newest approved version sets it, whatever the item's date
            BigDecimal cap = state.latestContract().map(Contract::notToExceed).orElse(contract.notToExceed());
            if (cap != null && countsAgainstCap(item)) {
                facts.add(CapPosition.of(cap, state.capConsumed()));
            }
            facts.addAll(modelPositions.of(item, contract, state));
            if (item instanceof Expense expense && hasSpendLimit(contract, expense)) {
                facts.add(ExpenseSpend.of(expense, state));
            }
        }
        String id = item.itemId();
        Receipt receipt = new Receipt(rules.version().toString(), List.of(), contract == null ? 0 : contract.version(),
                sourceEvents);
        Evaluation evaluation;
        try {
            evaluation = rules.evaluate(facts);
        } catch (RuleTimeoutException timedOut) {
            return resolver.timedOut(item, kind, receipt, currencyOf(contract), timedOut.getMessage());
        }
        List<Evaluation.Inference> about = new ArrayList<>();
        for (Evaluation.Inference inference : evaluation.inferences()) {
            if (inference.fact() instanceof Conclusion c && c.itemId().equals(id)) {
                about.add(inference);
            }
        }
        return resolver.resolve(item, kind, about, receipt, currencyOf(contract), optional);
    }

    /**
     * What a not-to-exceed cap limits: hours, expenses and remainders a cap held back. Fees agreed
     * separately (instalments, retainer fees, milestones) and the release of retention are not capped.
     */
    public static boolean countsAgainstCap(Item item) {
        return item instanceof TimeEntry || item instanceof Expense || item instanceof Excess;
    }

    private static boolean hasSpendLimit(Contract contract, Expense expense) {
        return contract.expensePolicy().dailyLimitFor(expense.category()) != null
                || contract.expensePolicy().tripLimitFor(expense.category()) != null;
    }

    private static Currency currencyOf(Contract contract) {
        return contract == null ? NO_CURRENCY : contract.currency();
    }
}
