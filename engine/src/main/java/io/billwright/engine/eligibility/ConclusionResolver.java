package io.billwright.engine.eligibility;

import io.billwright.engine.ruleset.EngineRule;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.facts.Charge;
import io.billwright.engine.facts.Drawdown;
import io.billwright.engine.facts.Hold;
import io.billwright.engine.facts.Limit;
import io.billwright.engine.facts.Reject;
import io.billwright.engine.facts.Track;
import io.billwright.engine.item.Excess;
import io.billwright.engine.item.Item;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.money.Money;
import io.billwright.engine.money.Rounding;
import io.billwright.engine.ruleset.Evaluation.Inference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the conclusions rules drew about one item into its decision. Precedence: any reject wins,
 * then any hold, then charges (split by the tightest limit), then tracking. An item no rule
 * concluded anything about is held with {@code NO_RULE_MATCHED}, so a gap in the rules can never
 * bill or drop an item silently. Each decision's receipt names only the rules behind that outcome.
 */
final class ConclusionResolver {

    /** Rejections for malformed input carry no amount: a computed one would be meaningless or rounded. */
    /** Suffix of the decision for the part of an item a limit rejects; a held part is {@link Excess#idFor}. */
    static final String OVER_LIMIT = "#over-limit";

    private static final Set<ReasonCode> INVALID_INPUT = Set.of(ReasonCode.NEGATIVE_AMOUNT, ReasonCode.TOO_MANY_DECIMALS);

    ItemVerdict resolve(Item item, ItemKind kind, List<Inference> inferences, Receipt base, Currency currency,
                        boolean optional) {
        List<Reject> rejects = ofType(inferences, Reject.class);
        List<Hold> holds = ofType(inferences, Hold.class);
        List<Charge> charges = ofType(inferences, Charge.class);
        List<Track> tracks = ofType(inferences, Track.class);
        BigDecimal drawdown = ofType(inferences, Drawdown.class).stream()
                .map(Drawdown::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        Money charged = Money.rounded(charges.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                currency);
        String id = item.itemId();

        if (!rejects.isEmpty()) {
            ReasonCode reason = rejects.get(0).reason();
            Money amount = INVALID_INPUT.contains(reason) || charged.isNegative() ? Money.zero(currency) : charged;
            boolean outranked = !holds.isEmpty() || !charges.isEmpty() || !tracks.isEmpty();
            return single(new Decision(id, kind, DecisionStatus.REJECTED, reason,
                    details(rejects.stream().map(Reject::detail).toList()), amount,
                    withEngineRule(base.withRules(rulesOf(inferences, Reject.class)), outranked,
                            EngineRule.PRECEDENCE)), BigDecimal.ZERO);
        }
        if (!holds.isEmpty()) {
            boolean outranked = !charges.isEmpty() || !tracks.isEmpty();
            return single(new Decision(id, kind, DecisionStatus.HELD, holds.get(0).reason(),
                    details(holds.stream().map(Hold::detail).toList()), charged.isNegative() ? Money.zero(currency) : charged,
                    withEngineRule(base.withRules(rulesOf(inferences, Hold.class)), outranked,
                            EngineRule.PRECEDENCE)), drawdown);
        }
        Map<String, BigDecimal> byRule = chargesByRule(inferences);
        if (byRule.size() > 1) {
            return single(new Decision(id, kind, DecisionStatus.HELD, ReasonCode.CHARGE_RULES_CONFLICT,
                    conflict(byRule, currency), Money.zero(currency), base.withRules(List.copyOf(byRule.keySet()))
                    .withRules(List.of(EngineRule.CHARGE_RULES_CONFLICT.ruleName()))),
                    drawdown);
        }
        if (charged.isNegative()) {
            return single(new Decision(id, kind, DecisionStatus.REJECTED, ReasonCode.NEGATIVE_AMOUNT,
                    "the rules priced this item at " + charged + "; a charge is never negative", Money.zero(currency),
                    base.withRules(rulesOf(inferences, Charge.class))
                            .withRules(List.of(EngineRule.NEGATIVE_CHARGE.ruleName()))), BigDecimal.ZERO);
        }
        if (!charges.isEmpty()) {
            return charged(item, kind, charged, ofType(inferences, Limit.class), inferences, base, drawdown, currency,
                    charges.stream().map(Charge::basis).toList());
        }
        if (!tracks.isEmpty()) {
            return single(new Decision(id, kind, DecisionStatus.TRACKED, tracks.get(0).reason(),
                    details(tracks.stream().map(Track::detail).toList()), Money.zero(currency),
                    base.withRules(rulesOf(inferences, Track.class, Drawdown.class))), drawdown);
        }
        if (optional) {
            return new ItemVerdict(List.of(), null, null, BigDecimal.ZERO, BigDecimal.ZERO, null, base);
        }
        return single(new Decision(id, kind, DecisionStatus.HELD, ReasonCode.NO_RULE_MATCHED,
                "no rule decided this item; the rule set has a gap", Money.zero(currency),
                base.withRules(List.of(EngineRule.NO_RULE_MATCHED.ruleName()))), drawdown);
    }

    /**
     * An eligible charge, cut by the limits: first the tightest limit whose excess is rejected (a
     * per-category expense limit), then, on what is left, the tightest limit whose excess is held
     * (a not-to-exceed cap). Each cut becomes a decision of its own.
     */
    private ItemVerdict charged(Item item, ItemKind kind, Money charged, List<Limit> limits, List<Inference> inferences,
                                Receipt base, BigDecimal drawdown, Currency currency, List<String> bases) {
        String id = item.itemId();
        String basis = details(bases);
        Receipt chargeReceipt = base.withRules(rulesOf(inferences, Charge.class, Drawdown.class, Track.class));
        Receipt limitReceipt = base.withRules(rulesOf(inferences, Charge.class, Drawdown.class, Track.class, Limit.class));
        List<String> chargeRules = rulesOf(inferences, Charge.class);
        List<Decision> cuts = new ArrayList<>();
        Money allowed = charged;
        Excess held = null;
        Limit rejecting = tightest(limits, DecisionStatus.REJECTED);
        if (rejecting != null && allowed.amount().compareTo(rejecting.max()) > 0) {
            Money within = floor(rejecting.max(), currency);
            Money excess = allowed.minus(within);
            cuts.add(new Decision(id + OVER_LIMIT, kind, DecisionStatus.REJECTED, rejecting.reason(),
                    details(List.of(rejecting.detail(), excess + " over the limit of " + within)), excess,
                    base.withRules(chargeRules).withRules(rulesOfFact(inferences, rejecting))));
            allowed = within;
        }
        Limit holding = tightest(limits, DecisionStatus.HELD);
        if (holding != null && allowed.amount().compareTo(holding.max()) > 0) {
            Money within = floor(holding.max(), currency);
            Money excess = allowed.minus(within);
            cuts.add(new Decision(Excess.idFor(id), kind, DecisionStatus.HELD, holding.reason(),
                    details(List.of(holding.detail(), excess + " over the limit of " + within)), excess,
                    base.withRules(chargeRules).withRules(rulesOfFact(inferences, holding))));
            held = new Excess(id, item.stateKey(), kind, null, excess.amount());
            allowed = within;
        }
        if (cuts.isEmpty()) {
            return single(new Decision(id, kind, DecisionStatus.ELIGIBLE, null, basis, charged, chargeReceipt), drawdown);
        }
        if (allowed.isZero() && cuts.size() == 1) {
            // nothing left to bill: the whole item carries the limit's verdict under its own id
            Decision cut = cuts.get(0);
            return single(new Decision(id, kind, cut.status(), cut.reason(), cut.detail(), charged, limitReceipt),
                    drawdown);
        }
        if (allowed.isZero()) {
            // rejected over the limit, and the cap leaves nothing of the rest: the item itself waits for the cap
            Decision cap = cuts.get(1);
            return new ItemVerdict(List.of(cuts.get(0), new Decision(id, kind, DecisionStatus.HELD, cap.reason(),
                    cap.detail(), cap.amount(), limitReceipt)), DecisionStatus.HELD, cap.reason(), BigDecimal.ZERO,
                    drawdown, null, limitReceipt);
        }
        List<Decision> decisions = new ArrayList<>();
        decisions.add(new Decision(id, kind, DecisionStatus.ELIGIBLE, null, basis, allowed, limitReceipt));
        decisions.addAll(cuts);
        return new ItemVerdict(decisions, DecisionStatus.ELIGIBLE, null, allowed.amount(), drawdown, held,
                limitReceipt);
    }

    private static Limit tightest(List<Limit> limits, DecisionStatus excessStatus) {
        return limits.stream().filter(l -> l.excessStatus() == excessStatus)
                .min(Comparator.comparing(Limit::max)).orElse(null);
    }

    private static Money floor(BigDecimal max, Currency currency) {
        return new Money(max.max(BigDecimal.ZERO).setScale(Rounding.minorUnits(currency), RoundingMode.DOWN), currency);
    }

    /** The rules ran out of time on this item: held with {@code RULE_TIMEOUT}, nothing charged. */
    ItemVerdict timedOut(Item item, ItemKind kind, Receipt base, Currency currency, String detail) {
        return single(new Decision(item.itemId(), kind, DecisionStatus.HELD, ReasonCode.RULE_TIMEOUT, detail,
                Money.zero(currency), base.withRules(List.of(EngineRule.RULE_TIMEOUT.ruleName()))), BigDecimal.ZERO);
    }

    private static Receipt withEngineRule(Receipt receipt, boolean applies, EngineRule rule) {
        return applies ? receipt.withRules(List.of(rule.ruleName())) : receipt;
    }

    /** What each rule charged for the item, in firing order. */
    private static Map<String, BigDecimal> chargesByRule(List<Inference> inferences) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Inference inference : inferences) {
            if (inference.fact() instanceof Charge charge) {
                out.merge(inference.rule(), charge.amount(), BigDecimal::add);
            }
        }
        return out;
    }

    private static String conflict(Map<String, BigDecimal> byRule, Currency currency) {
        return byRule.entrySet().stream().map(e -> "\"" + e.getKey() + "\" charged " + Money.rounded(e.getValue(), currency))
                .collect(Collectors.joining(" and ")) + ": more than one rule priced this item, and charges from"
                + " different rules are never added up; make the rules exclusive, or let one rule price the item";
    }

    private static ItemVerdict single(Decision decision, BigDecimal drawdown) {
        BigDecimal eligible = decision.status() == DecisionStatus.ELIGIBLE ? decision.amount().amount() : BigDecimal.ZERO;
        return new ItemVerdict(List.of(decision), decision.status(), decision.reason(), eligible, drawdown, null,
                decision.receipt());
    }

    private static String details(List<String> parts) {
        return parts.stream().filter(p -> !p.isBlank()).distinct().collect(Collectors.joining("; "));
    }

    private static List<String> rulesOf(List<Inference> inferences, Class<?>... types) {
        List<String> rules = new ArrayList<>();
        for (Inference inference : inferences) {
            for (Class<?> type : types) {
                if (type.isInstance(inference.fact()) && !rules.contains(inference.rule())) {
                    rules.add(inference.rule());
                }
            }
        }
        return rules;
    }

    private static List<String> rulesOfFact(List<Inference> inferences, Object fact) {
        return inferences.stream().filter(i -> i.fact() == fact).map(Inference::rule).distinct().toList();
    }

    /** The facts of {@code type}, in firing order. A loop, not a stream: it runs several times for every item. */
    private static <T> List<T> ofType(List<Inference> inferences, Class<T> type) {
        List<T> found = null;
        for (Inference inference : inferences) {
            if (type.isInstance(inference.fact())) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(type.cast(inference.fact()));
            }
        }
        return found == null ? List.of() : Collections.unmodifiableList(found);
    }
}
