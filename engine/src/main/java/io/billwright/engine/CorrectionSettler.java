package io.billwright.engine;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.eligibility.ItemAssessor;
import io.billwright.engine.eligibility.ItemVerdict;
import io.billwright.engine.facts.Correction;
import io.billwright.engine.facts.Settlement;
import io.billwright.engine.facts.SettlementMethod;
import io.billwright.engine.item.Credit;
import io.billwright.engine.item.Excess;
import io.billwright.engine.item.Item;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.money.Money;
import io.billwright.engine.ruleset.EngineRule;
import io.billwright.engine.ruleset.Evaluation;
import io.billwright.engine.ruleset.RuleTimeoutException;
import io.billwright.engine.state.BilledLine;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Settles a change to an item that was already invoiced, as the rules decide: credit the line and bill the
 * item again, credit the difference, hold the correction for review, or leave the invoice as it is. A credit
 * waits as a {@link Credit} record for the next period close, which issues one credit note per invoice.
 * Credited amounts give the not-to-exceed cap its room back, and what the cap held is decided again.
 */
final class CorrectionSettler {

    /** When rules settle one correction differently, the most cautious method wins. */
    private static final List<SettlementMethod> CAUTION = List.of(SettlementMethod.HOLD_FOR_REVIEW,
            SettlementMethod.IGNORE, SettlementMethod.CREDIT_AND_REBILL, SettlementMethod.CREDIT_DIFFERENCE);

    private final ItemAssessor assessor;
    private final Decider decider;

    CorrectionSettler(ItemAssessor assessor, Decider decider) {
        this.assessor = assessor;
        this.decider = decider;
    }

    /**
     * Settles the change of {@code billed} into {@code corrected}.
     *
     * @return false when it cannot be settled here (no contract, or an invoice line this engine did not keep):
     *         the caller reports it as {@code ALREADY_BILLED}
     */
    boolean settle(Step step, ItemRecord billed, Item corrected, LocalDate date, String milestoneId) {
        return settle(step, billed, corrected, date, milestoneId, false);
    }

    /**
     * Settles a billed item an amendment prices again, when its amount changed; an item priced as it was
     * billed is left alone, without a decision.
     */
    void settleIfRepriced(Step step, ItemRecord billed, LocalDate date, String milestoneId) {
        settle(step, billed, billed.item(), date, milestoneId, true);
    }

    private boolean settle(Step step, ItemRecord billed, Item corrected, LocalDate date, String milestoneId,
                           boolean onlyIfRepriced) {
        Contract contract = step.state.contractOn(date).or(() -> step.state.latestContract()).orElse(null);
        BilledLine line = billed.billedLine();
        if (contract == null || line == null) {
            return false;
        }
        ItemKind kind = decider.kindOf(corrected, contract);
        List<String> sources = List.of(step.eventId());
        ContractState without = step.state.withoutItem(billed.key());
        if (ItemAssessor.countsAgainstCap(corrected)) {
            without = without.withCapConsumed(without.capConsumed().subtract(billed.billed()));
        }
        without = without.withExpenseSpent(Decider.spendKeys(billed.item()), billed.billed().negate())
                .withRetainerUse(monthOf(billed.date()), billed.drawnHours().negate());
        ItemVerdict verdict = assessor.assess(step.rules, corrected, kind, contract, without, sources, false);
        Money billedAmount = new Money(billed.billed(), contract.currency());
        if (verdict.status() == DecisionStatus.HELD) {
            Decision held = verdict.decisions().get(0);
            step.decisions.add(new Decision(corrected.itemId(), kind, DecisionStatus.HELD, held.reason(),
                    "a correction of an item billed in " + billed.packageId() + " waits: " + held.detail()
                            + "; the invoice stands until it is decided", billedAmount, held.receipt()));
            return true;
        }
        // what is billable now, within the cap; a part the cap holds back stays a remainder of its own
        BigDecimal now = verdict.status() == DecisionStatus.ELIGIBLE ? verdict.eligible() : BigDecimal.ZERO;
        Correction correction = new Correction(corrected.itemId(), kind, billed.packageId(), billed.billed(), now);
        ItemRecord remainder = step.state.items().get(Excess.keyFor(billed.key()));
        if (onlyIfRepriced && valueBefore(billed, remainder).compareTo(valueNow(verdict)) == 0) {
            // priced as before: a cap that moved only changes what its remainder waits for
            return true;
        }
        if (remainder != null && remainder.isBilled()) {
            // billed in parts, on two invoices: which part to credit is a person's call
            step.decisions.add(new Decision(corrected.itemId(), kind, DecisionStatus.HELD, ReasonCode.CORRECTION_REVIEW,
                    "billed in parts, in " + billed.packageId() + " and, the remainder a cap held, in "
                            + remainder.packageId() + ": held for review, nothing credited yet",
                    new Money(billed.billed().add(remainder.billed()), contract.currency()),
                    new Receipt(step.rules.version().toString(), List.of(EngineRule.BILLED_IN_PARTS.ruleName()),
                            contract.version(), sources)));
            return true;
        }
        Receipt base = new Receipt(step.rules.version().toString(), List.of(), contract.version(), sources);
        List<Evaluation.Inference> settlements;
        try {
            settlements = step.rules.evaluate(List.of(correction, contract)).inferences().stream()
                    .filter(i -> i.fact() instanceof Settlement s && s.itemId().equals(corrected.itemId())).toList();
        } catch (RuleTimeoutException timedOut) {
            step.decisions.add(new Decision(corrected.itemId(), kind, DecisionStatus.HELD, ReasonCode.RULE_TIMEOUT,
                    timedOut.getMessage(), billedAmount, base.withRules(List.of(EngineRule.RULE_TIMEOUT.ruleName()))));
            return true;
        }
        if (settlements.isEmpty()) {
            step.decisions.add(new Decision(corrected.itemId(), kind, DecisionStatus.HELD, ReasonCode.NO_RULE_MATCHED,
                    "no rule settled this correction of an item billed in " + billed.packageId()
                            + "; the rule set has a gap", billedAmount,
                    base.withRules(List.of(EngineRule.NO_RULE_MATCHED.ruleName()))));
            return true;
        }
        Settlement chosen = settlements.stream().map(i -> (Settlement) i.fact())
                .min(Comparator.comparingInt(s -> CAUTION.indexOf(s.method()))).orElseThrow();
        List<String> rules = new ArrayList<>(settlements.stream()
                .filter(i -> ((Settlement) i.fact()).method() == chosen.method()).map(Evaluation.Inference::rule)
                .distinct().toList());
        if (settlements.stream().anyMatch(i -> ((Settlement) i.fact()).method() != chosen.method())) {
            rules.add(EngineRule.PRECEDENCE.ruleName());
        }
        SettlementMethod method = chosen.method();
        if (method == SettlementMethod.CREDIT_DIFFERENCE && !correction.isDecrease()) {
            method = SettlementMethod.CREDIT_AND_REBILL;
            rules.add(EngineRule.CREDIT_DIFFERENCE_ONLY_DOWN.ruleName());
        }
        Receipt receipt = base.withRules(rules);
        Money change = new Money(correction.change(), contract.currency());
        String detail = chosen.detail().isEmpty() ? "" : chosen.detail() + "; ";
        String was = "billed " + billedAmount + " in " + billed.packageId() + " line " + line.lineNo() + ", now "
                + new Money(now, contract.currency());
        switch (method) {
            case IGNORE -> {
                // the invoice stands for the item as it is now; a remainder held of it as it was goes
                withdrawRemainder(step, billed);
                keep(step, billed, corrected, billed.billed(), verdict, billed.billedLine(), date);
                step.decisions.add(new Decision(corrected.itemId(), kind, DecisionStatus.TRACKED,
                        ReasonCode.CORRECTION_IGNORED, detail + was + ": the invoice stands", change, receipt));
            }
            case HOLD_FOR_REVIEW -> step.decisions.add(new Decision(corrected.itemId(), kind, DecisionStatus.HELD,
                    ReasonCode.CORRECTION_REVIEW, detail + was + ": held for review, nothing credited yet", change,
                    receipt));
            case CREDIT_DIFFERENCE -> creditDifference(step, billed, corrected, correction, verdict, receipt,
                    detail + was, contract);
            case CREDIT_AND_REBILL -> creditAndRebill(step, billed, corrected, date, milestoneId, receipt,
                    detail + was, contract);
        }
        return true;
    }

    private void creditDifference(Step step, ItemRecord billed, Item corrected, Correction correction,
                                  ItemVerdict verdict, Receipt receipt, String detail, Contract contract) {
        withdrawRemainder(step, billed);
        BigDecimal credited = correction.difference().negate();
        Credit credit = credit(step, billed, credited, false, contract);
        step.state = step.state.withItem(creditRecord(billed, credit, receipt, step))
                .withCapConsumed(capAfter(step, billed, credited));
        keep(step, billed, corrected, correction.corrected(), verdict,
                billed.billedLine().less(credit.amount(), credit.tax(), credit.retention()), billed.date());
        step.decisions.add(creditDecision(billed, credit, receipt, "credit of the difference: " + detail, step));
        decider.reconsider(step, r -> r.reason() == ReasonCode.CAP_EXCEEDED);
    }

    /**
     * Keeps the billed record, now for the item as corrected: what it is billed for, the retainer hours it draws
     * and where its spend counts follow the correction.
     */
    private void keep(Step step, ItemRecord billed, Item corrected, BigDecimal billedNow, ItemVerdict verdict,
                      BilledLine lineNow, LocalDate date) {
        BigDecimal drawnNow = verdict.drawdown();
        List<String> sources = withEvent(step, billed);
        step.state = step.state
                .withExpenseSpent(Decider.spendKeys(billed.item()), billed.billed().negate())
                .withExpenseSpent(Decider.spendKeys(corrected), billedNow)
                .withRetainerUse(monthOf(billed.date()), drawnNow.subtract(billed.drawnHours()))
                .withItem(billed.correctedTo(corrected, billedNow, drawnNow, lineNow, sources));
        if (verdict.excess() != null) {
            // the cap still holds part of the item as it is now back: that part waits as before, its new amount
            decider.holdRemainder(step, corrected, billed.kind(), date, billed.milestoneId(), verdict, sources,
                    billed.description());
            step.decisions.add(verdict.decisions().get(verdict.decisions().size() - 1));
        }
    }

    private void creditAndRebill(Step step, ItemRecord billed, Item corrected, LocalDate date, String milestoneId,
                                 Receipt receipt, String detail, Contract contract) {
        withdrawRemainder(step, billed);
        Credit credit = credit(step, billed, billed.billed(), true, contract);
        step.state = step.state.withoutItem(billed.key()).withItem(creditRecord(billed, credit, receipt, step))
                .withCapConsumed(capAfter(step, billed, billed.billed()))
                .withExpenseSpent(Decider.spendKeys(billed.item()), billed.billed().negate())
                .withRetainerUse(monthOf(billed.date()), billed.drawnHours().negate());
        step.decisions.add(creditDecision(billed, credit, receipt, "credit of the line in full, the item decided"
                + " again as it is now: " + detail, step));
        decider.decide(step, corrected, date, milestoneId, withEvent(step, billed), null, false);
        decider.reconsider(step, r -> r.reason() == ReasonCode.CAP_EXCEEDED);
    }

    /** What the item was charged before any cap held part of it back: billed, and a remainder not billed yet. */
    private static BigDecimal valueBefore(ItemRecord billed, ItemRecord remainder) {
        BigDecimal held = remainder != null && !remainder.isBilled() && remainder.item() instanceof Excess excess
                ? excess.amount() : BigDecimal.ZERO;
        return billed.billed().add(held);
    }

    /** What the rules charge for the item now before a cap holds part of it back. */
    private static BigDecimal valueNow(ItemVerdict verdict) {
        if (verdict.status() != DecisionStatus.ELIGIBLE) {
            return BigDecimal.ZERO;
        }
        return verdict.eligible().add(verdict.excess() == null ? BigDecimal.ZERO : verdict.excess().amount());
    }

    private static List<String> withEvent(Step step, ItemRecord billed) {
        List<String> sources = new ArrayList<>(billed.sourceEvents());
        sources.add(step.eventId());
        return sources;
    }

    /** A remainder the cap held of the item as billed belonged to that amount: it goes with the correction. */
    private void withdrawRemainder(Step step, ItemRecord billed) {
        ItemRecord excess = step.state.items().get(Excess.keyFor(billed.key()));
        if (excess != null && !excess.isBilled()) {
            decider.revert(step, excess);
            step.note(excess.itemId() + " withdrawn: " + billed.itemId() + " was corrected");
        }
    }

    private static BigDecimal capAfter(Step step, ItemRecord billed, BigDecimal credited) {
        return ItemAssessor.countsAgainstCap(billed.item()) ? step.state.capConsumed().subtract(credited)
                : step.state.capConsumed();
    }

    /**
     * A credit of {@code amount} of the billed line: the line's tax and retention in the same proportion, all of
     * what is left of them for the whole line, so that credits of one line never give back more than it carried.
     */
    private static Credit credit(Step step, ItemRecord billed, BigDecimal amount, boolean fullLine, Contract contract) {
        BilledLine line = billed.billedLine();
        var currency = contract.currency();
        boolean whole = fullLine || amount.compareTo(line.net()) >= 0;
        BigDecimal tax = whole ? line.tax() : share(line.tax(), amount, line.net(), currency);
        BigDecimal retention = whole ? line.retention() : share(line.retention(), amount, line.net(), currency);
        // a line a limit cut, or one credited in part before, is credited as one sum
        boolean mirrored = whole && !line.creditedBefore()
                && billed.grossOr(billed.billed()).compareTo(billed.billed()) == 0;
        int sequence = 1 + (int) step.state.items().values().stream()
                .filter(r -> r.item() instanceof Credit c && c.sourceKey().equals(billed.key())).count();
        return new Credit(billed.itemId(), billed.key(), sequence, billed.kind(), billed.date(), billed.packageId(),
                line.lineNo(), whole ? line.net() : amount, tax, retention, line.treatment(), line.taxRate(),
                line.taxCitation(), billed.description(), mirrored ? billed.quantity() : null, whole);
    }

    private static BigDecimal share(BigDecimal of, BigDecimal part, BigDecimal whole, java.util.Currency currency) {
        if (of.signum() == 0 || whole.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return Money.rounded(of.multiply(part).divide(whole, 10, io.billwright.engine.money.Rounding.MODE), currency)
                .amount();
    }

    private static java.time.YearMonth monthOf(LocalDate date) {
        return date == null ? java.time.YearMonth.of(1970, 1) : java.time.YearMonth.from(date);
    }

    private static ItemRecord creditRecord(ItemRecord billed, Credit credit, Receipt receipt, Step step) {
        return new ItemRecord(credit, billed.kind(), billed.date(), billed.milestoneId(), DecisionStatus.ELIGIBLE,
                ReasonCode.CREDITED, credit.amount(), BigDecimal.ZERO, BigDecimal.ZERO, null, receipt,
                List.of(step.eventId()), credit.description(), credit.quantity(), credit.amount(), null, null,
                credit.amount());
    }

    private static Decision creditDecision(ItemRecord billed, Credit credit, Receipt receipt, String detail,
                                           Step step) {
        var currency = step.state.contractOn(billed.date()).or(() -> step.state.latestContract())
                .map(Contract::currency).orElseThrow();
        return new Decision(credit.itemId(), billed.kind(), DecisionStatus.ELIGIBLE, ReasonCode.CREDITED, detail,
                new Money(credit.amount(), currency), receipt);
    }
}
