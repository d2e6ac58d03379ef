package io.billwright.engine.eligibility;

import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.facts.Charge;
import io.billwright.engine.facts.Conclusion;
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
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
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
            return single(new Decision(id, kind, DecisionStatus.REJECTED, reason,
                    details(rejects.stream().map(Reject::detail).toList()), amount,
                    base.withRules(rulesOf(inferences, Reject.class))), BigDecimal.ZERO);
        }
        if (!holds.isEmpty()) {
            return single(new Decision(id, kind, DecisionStatus.HELD, holds.get(0).reason(),
                    details(holds.stream().map(Hold::detail).toList()), charged.isNegative() ? Money.zero(currency) : charged,
                    base.withRules(rulesOf(inferences, Hold.class))), drawdown);
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
                "no rule decided this item; the rule set has a gap", Money.zero(currency), base), drawdown);
    }

    private ItemVerdict charged(Item item, ItemKind kind, Money charged, List<Limit> limits, List<Inference> inferences,
                                Receipt base, BigDecimal drawdown, Currency currency, List<String> bases) {
        String id = item.itemId();
        String basis = details(bases);
        Receipt chargeReceipt = base.withRules(rulesOf(inferences, Charge.class, Drawdown.class, Track.class));
        Limit binding = limits.stream().min(Comparator.comparing(Limit::max)).orElse(null);
        if (binding == null || charged.amount().compareTo(binding.max()) <= 0) {
            return single(new Decision(id, kind, DecisionStatus.ELIGIBLE, null, basis, charged, chargeReceipt), drawdown);
        }
        Receipt limitReceipt = base.withRules(rulesOf(inferences, Charge.class, Limit.class));
        Money allowed = new Money(binding.max().max(BigDecimal.ZERO)
                .setScale(Rounding.minorUnits(currency), RoundingMode.DOWN), currency);
        Money excess = charged.minus(allowed);
        String detail = details(List.of(binding.detail(), excess + " over the limit of " + allowed));
        if (allowed.isZero()) {
            return single(new Decision(id, kind, binding.excessStatus(), binding.reason(), detail, charged,
                    limitReceipt), drawdown);
        }
        List<Decision> decisions = new ArrayList<>();
        decisions.add(new Decision(id, kind, DecisionStatus.ELIGIBLE, null, basis, allowed, limitReceipt));
        decisions.add(new Decision(Excess.idFor(id), kind, binding.excessStatus(), binding.reason(), detail, excess,
                limitReceipt));
        Excess held = binding.excessStatus() == DecisionStatus.HELD ? new Excess(id, kind, null, excess.amount()) : null;
        return new ItemVerdict(decisions, DecisionStatus.ELIGIBLE, null, allowed.amount(), drawdown, held,
                limitReceipt);
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

    private static <T> List<T> ofType(List<Inference> inferences, Class<T> type) {
        return inferences.stream().map(Inference::fact).filter(type::isInstance).map(type::cast).toList();
    }
}
