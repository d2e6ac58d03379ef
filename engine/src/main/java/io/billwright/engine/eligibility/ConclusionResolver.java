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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the conclusions rules drew about one item into its decision. Precedence: any reject wins,
 * then any hold, then charges (split by the tightest limit), then tracking. An item no rule
 * concluded anything about is held with {@code NO_RULE_MATCHED}, so a gap in the rules can never
 * bill or drop an item silently.
 */
final class ConclusionResolver {

    ItemVerdict resolve(Item item, ItemKind kind, List<Conclusion> conclusions, Receipt receipt, Currency currency,
                        boolean optional) {
        List<Reject> rejects = ofType(conclusions, Reject.class);
        List<Hold> holds = ofType(conclusions, Hold.class);
        List<Charge> charges = ofType(conclusions, Charge.class);
        List<Track> tracks = ofType(conclusions, Track.class);
        BigDecimal drawdown = ofType(conclusions, Drawdown.class).stream()
                .map(Drawdown::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        Money charged = Money.rounded(charges.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                currency);
        String id = item.itemId();

        if (!rejects.isEmpty()) {
            return single(new Decision(id, kind, DecisionStatus.REJECTED, rejects.get(0).reason(),
                    details(rejects.stream().map(Reject::detail).toList()), charged, receipt), drawdown);
        }
        if (!holds.isEmpty()) {
            return single(new Decision(id, kind, DecisionStatus.HELD, holds.get(0).reason(),
                    details(holds.stream().map(Hold::detail).toList()), charged, receipt), drawdown);
        }
        if (!charges.isEmpty()) {
            return charged(item, kind, charged, ofType(conclusions, Limit.class), receipt, drawdown, currency,
                    charges.stream().map(Charge::basis).toList());
        }
        if (!tracks.isEmpty()) {
            return single(new Decision(id, kind, DecisionStatus.TRACKED, tracks.get(0).reason(),
                    details(tracks.stream().map(Track::detail).toList()), Money.zero(currency), receipt), drawdown);
        }
        if (optional) {
            return new ItemVerdict(List.of(), null, null, BigDecimal.ZERO, BigDecimal.ZERO, null, receipt);
        }
        return single(new Decision(id, kind, DecisionStatus.HELD, ReasonCode.NO_RULE_MATCHED,
                "no rule decided this item; the rule set has a gap", Money.zero(currency), receipt), drawdown);
    }

    private ItemVerdict charged(Item item, ItemKind kind, Money charged, List<Limit> limits, Receipt receipt,
                                BigDecimal drawdown, Currency currency, List<String> bases) {
        String id = item.itemId();
        String basis = details(bases);
        Limit binding = limits.stream().min(Comparator.comparing(Limit::max)).orElse(null);
        if (binding == null || charged.amount().compareTo(binding.max()) <= 0) {
            return single(new Decision(id, kind, DecisionStatus.ELIGIBLE, null, basis, charged, receipt), drawdown);
        }
        Money allowed = new Money(binding.max().max(BigDecimal.ZERO).setScale(Rounding.minorUnits(currency),
                java.math.RoundingMode.DOWN), currency);
        Money excess = charged.minus(allowed);
        String detail = details(List.of(binding.detail(), excess + " over the limit of " + allowed));
        if (allowed.isZero()) {
            return single(new Decision(id, kind, binding.excessStatus(), binding.reason(), detail, charged, receipt),
                    drawdown);
        }
        List<Decision> decisions = new ArrayList<>();
        decisions.add(new Decision(id, kind, DecisionStatus.ELIGIBLE, null, basis, allowed, receipt));
        Excess held = null;
        String excessId = Excess.idFor(id);
        decisions.add(new Decision(excessId, kind, binding.excessStatus(), binding.reason(), detail, excess, receipt));
        if (binding.excessStatus() == DecisionStatus.HELD) {
            held = new Excess(id, kind, null, excess.amount());
        }
        return new ItemVerdict(decisions, DecisionStatus.ELIGIBLE, null, allowed.amount(), drawdown, held, receipt);
    }

    private static ItemVerdict single(Decision decision, BigDecimal drawdown) {
        BigDecimal eligible = decision.status() == DecisionStatus.ELIGIBLE ? decision.amount().amount() : BigDecimal.ZERO;
        return new ItemVerdict(List.of(decision), decision.status(), decision.reason(), eligible, drawdown, null,
                decision.receipt());
    }

    private static String details(List<String> parts) {
        return parts.stream().filter(p -> !p.isBlank()).distinct().collect(Collectors.joining("; "));
    }

    private static <T> List<T> ofType(List<Conclusion> conclusions, Class<T> type) {
        return conclusions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
