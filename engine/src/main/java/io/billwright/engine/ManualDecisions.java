package io.billwright.engine;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.eligibility.ItemAssessor;
import io.billwright.engine.event.ManualAction;
import io.billwright.engine.event.ManualDecision;
import io.billwright.engine.item.Excess;
import io.billwright.engine.money.Money;
import io.billwright.engine.ruleset.EngineRule;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Finance released a held item or wrote it off. A release makes the item eligible for the amount it was held for
 * (billed at the next close); a write-off rejects it as {@code WRITTEN_OFF}. Either is a decision of its own, its
 * receipt naming {@link EngineRule#MANUAL_RELEASE} or {@link EngineRule#MANUAL_WRITE_OFF} and its detail who asked,
 * who approved and why. Anything but an unbilled held item is left as it is, with a note saying why.
 *
 * <p>A record decided by hand is not decided again by the rules when the positions move (a cap raised, an
 * amendment, a retainer month reworked): {@link #byHand} keeps {@link Decider#reconsider} and the milestones off
 * it. Only a change of the item itself (a corrected time entry, a milestone accepted) decides it again, as new.
 */
final class ManualDecisions {

    private static final Currency NO_CURRENCY = Currency.getInstance("XXX");
    private static final List<String> MANUAL_RULES = List.of(EngineRule.MANUAL_RELEASE.ruleName(),
            EngineRule.MANUAL_WRITE_OFF.ruleName());

    /** True when finance released or wrote off the item this record keeps. */
    static boolean byHand(ItemRecord record) {
        if (record.receipt() == null) {
            return false;
        }
        // a loop, not a stream: reconsidering asks this of every unbilled item
        for (String rule : record.receipt().rules()) {
            if (MANUAL_RULES.contains(rule)) {
                return true;
            }
        }
        return false;
    }

    void apply(Step step, ManualDecision decision) {
        ItemRecord record = step.state.items().get(decision.itemKey());
        String what = verb(decision.action()) + " " + decision.itemKey() + " (request " + decision.requestId() + ")";
        if (record == null) {
            step.note(what + ": contract " + decision.contractId() + " has no such item; nothing changed. Give the"
                    + " item as its state keeps it, kind and id: TIME_ENTRY:TE-7, EXPENSE:EX-3, MILESTONE:M1,"
                    + " EXCESS:TIME_ENTRY:TE-7");
            return;
        }
        if (record.isBilled()) {
            step.note(what + ": " + record.itemId() + " was billed in " + record.packageId() + "; only a held item can"
                    + " be released or written off, a billed one is corrected by a credit note; nothing changed");
            return;
        }
        if (record.status() != DecisionStatus.HELD) {
            step.note(what + ": " + record.itemId() + " is " + record.status()
                    + (record.reason() == null ? "" : " " + record.reason()) + (byHand(record) ? " by hand" : "")
                    + ", not held; only a held item can be released or written off; nothing changed");
            return;
        }
        BigDecimal amount = heldFor(record);
        if (decision.action() == ManualAction.RELEASE) {
            release(step, decision, record, amount, what);
        } else {
            writeOff(step, decision, record, amount);
        }
    }

    private void release(Step step, ManualDecision decision, ItemRecord record, BigDecimal amount, String what) {
        if (amount == null) {
            step.note(what + ": " + record.itemId() + " was held before held amounts were kept, so the amount to bill"
                    + " is not known; nothing changed. It is decided again when the item changes");
            return;
        }
        if (amount.signum() <= 0) {
            step.note(what + ": " + record.itemId() + " is held (" + record.reason() + ") for " + amount.toPlainString()
                    + ": the rules priced nothing, so there is nothing to bill; nothing changed. Write it off, or let"
                    + " the item change (an approval, a rate)");
            return;
        }
        Receipt receipt = receipt(step, record, EngineRule.MANUAL_RELEASE);
        ItemRecord released = new ItemRecord(record.item(), record.kind(), record.date(), record.milestoneId(),
                DecisionStatus.ELIGIBLE, null, amount, BigDecimal.ZERO, record.drawnHours(), null, receipt,
                receipt.sourceEventIds(), record.description(), record.quantity(), amount, null, null, amount);
        var state = step.state.withItem(released).withExpenseSpent(Decider.spendKeys(record.item()), amount);
        if (ItemAssessor.countsAgainstCap(record.item())) {
            state = state.withCapConsumed(state.capConsumed().add(amount));
        }
        step.state = state;
        step.decisions.add(new Decision(record.itemId(), record.kind(), DecisionStatus.ELIGIBLE, null,
                "released by hand despite the hold (" + record.reason() + "): " + who(decision),
                new Money(amount, currencyOf(step, record)), receipt));
    }

    private void writeOff(Step step, ManualDecision decision, ItemRecord record, BigDecimal amount) {
        Receipt receipt = receipt(step, record, EngineRule.MANUAL_WRITE_OFF);
        step.state = step.state.withItem(new ItemRecord(record.item(), record.kind(), record.date(),
                record.milestoneId(), DecisionStatus.REJECTED, ReasonCode.WRITTEN_OFF, BigDecimal.ZERO, BigDecimal.ZERO,
                record.drawnHours(), null, receipt, receipt.sourceEventIds(), record.description(), record.quantity(),
                record.gross(), record.adjustment(), null, amount));
        step.decisions.add(new Decision(record.itemId(), record.kind(), DecisionStatus.REJECTED, ReasonCode.WRITTEN_OFF,
                "written off by hand while held (" + record.reason() + "): " + who(decision),
                new Money(amount == null ? BigDecimal.ZERO : amount, currencyOf(step, record)), receipt));
    }

    /** What a held record is held for: a remainder's own amount, else what it was decided at (null when unknown). */
    private static BigDecimal heldFor(ItemRecord record) {
        return record.item() instanceof Excess excess ? excess.amount() : record.decided();
    }

    /** The hold's rules and this decision's, under the rule set in force now; the item's events and this one. */
    private static Receipt receipt(Step step, ItemRecord record, EngineRule rule) {
        List<String> sources = new ArrayList<>(record.sourceEvents());
        sources.add(step.eventId());
        return new Receipt(step.rules.version().toString(), record.receipt().rules(), record.receipt().contractVersion(),
                sources).withRules(List.of(rule.ruleName()));
    }

    private static String who(ManualDecision decision) {
        return "\"" + decision.reason() + "\"; requested by " + decision.requestedBy() + ", approved by "
                + decision.approvedBy() + " (request " + decision.requestId() + ")";
    }

    private static String verb(ManualAction action) {
        return action == ManualAction.RELEASE ? "release of" : "write-off of";
    }

    private static Currency currencyOf(Step step, ItemRecord record) {
        return (record.date() == null ? step.state.latestContract() : step.state.contractOn(record.date())
                .or(() -> step.state.latestContract())).map(Contract::currency).orElse(NO_CURRENCY);
    }
}
