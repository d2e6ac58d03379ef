package io.billwright.engine.tax;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.tax.TaxDetermination;
import io.billwright.engine.tax.TaxQuery;
import io.billwright.engine.tax.TaxRate;
import io.billwright.engine.ruleset.Evaluation;
import io.billwright.engine.ruleset.RuleSet;
import java.math.BigDecimal;
import java.util.List;

/** Asks the tax rules how a contract's package is taxed: the treatment, its rate and its citation. */
public final class TaxDeterminer {

    public TaxOutcome determine(RuleSet rules, Contract contract) {
        Evaluation evaluation;
        try {
            evaluation = rules.evaluate(List.of(TaxQuery.of(contract)));
        } catch (io.billwright.engine.ruleset.RuleTimeoutException timedOut) {
            // the package's items wait, as for rules that disagree, rather than fail the message
            return new TaxOutcome(TaxTreatment.OUT_OF_SCOPE, BigDecimal.ZERO, "", List.of(), timedOut.getMessage(), true);
        }
        List<TaxHold> holds = evaluation.factsOf(TaxHold.class);
        if (!holds.isEmpty()) {
            return new TaxOutcome(TaxTreatment.OUT_OF_SCOPE, BigDecimal.ZERO, "",
                    evaluation.rulesFor(f -> f instanceof TaxHold), holds.get(0).detail(), false,
                    holds.get(0).reason());
        }
        List<String> fired = evaluation.rulesFor(f -> f instanceof TaxDetermination || f instanceof TaxRate);
        List<TaxDetermination> determinations = evaluation.factsOf(TaxDetermination.class);
        if (determinations.isEmpty()) {
            return new TaxOutcome(TaxTreatment.OUT_OF_SCOPE, BigDecimal.ZERO, "", fired,
                    "no tax rule matched seller " + contract.seller().country() + " and customer "
                            + contract.customer().country(), false);
        }
        TaxDetermination determination = determinations.get(0);
        if (determinations.stream().map(TaxDetermination::treatment).distinct().count() > 1) {
            return new TaxOutcome(determination.treatment(), BigDecimal.ZERO, "", fired,
                    "tax rules disagree: " + determinations.stream().map(d -> d.treatment().name()).toList(), true);
        }
        if (!determination.needsRate()) {
            return new TaxOutcome(determination.treatment(), BigDecimal.ZERO, determination.citation(), fired, null,
                    false);
        }
        List<TaxRate> rates = evaluation.factsOf(TaxRate.class).stream()
                .filter(r -> r.jurisdiction().equals(determination.rateJurisdiction())).toList();
        if (rates.isEmpty()) {
            return new TaxOutcome(determination.treatment(), BigDecimal.ZERO, determination.citation(), fired,
                    "the tax-rate table has no row for " + determination.rateJurisdiction(), false);
        }
        if (rates.stream().map(r -> r.rate().stripTrailingZeros()).distinct().count() > 1) {
            return new TaxOutcome(determination.treatment(), BigDecimal.ZERO, determination.citation(), fired,
                    "the tax-rate table has conflicting rows for " + determination.rateJurisdiction() + ": "
                            + rates.stream().map(r -> r.rate().toPlainString() + "%").toList(), true);
        }
        TaxRate rate = rates.get(0);
        // a decision-table row names its source in the rule name; a DRL rule may give a citation of its own
        String source = rate.citation().isBlank()
                ? String.join(", ", evaluation.rulesFor(f -> f == rate)) : rate.citation();
        String citation = source.isBlank() ? determination.citation() : determination.citation() + "; " + source;
        return new TaxOutcome(determination.treatment(), rate.rate(), citation, fired, null, false);
    }
}
