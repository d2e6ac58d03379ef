package io.billwright.engine.billing;

import io.billwright.engine.tax.TaxOutcome;
import io.billwright.engine.tax.TaxDeterminer;
import io.billwright.engine.tax.TaxTreatment;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.RetentionTaxPoint;
import io.billwright.engine.contract.RetentionTerms;
import io.billwright.engine.retention.RetentionQuery;
import io.billwright.engine.retention.Withholding;
import io.billwright.engine.money.Money;
import io.billwright.engine.money.Percent;
import io.billwright.engine.money.Rounding;
import io.billwright.engine.ruleset.Evaluation;
import io.billwright.engine.ruleset.RuleSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a billing package: rounds each line's net, withholds retention as the retention rules say and
 * spreads it over the lines, taxes each line by the treatment the tax rules chose, and totals it.
 * Every total is the sum of its lines (see {@link Rounding}).
 */
public final class PackageAssembler {

    private static final String TAXED_WHEN_WITHHELD =
            "retention is taxed with the invoices it was withheld from, not on release";

    private final TaxDeterminer taxes = new TaxDeterminer();

    public AssembledPackage assemble(RuleSet rules, PackageRequest request) {
        Contract contract = request.contract();
        Currency currency = contract.currency();
        TaxOutcome tax = taxes.determine(rules, contract);
        boolean taxAtRelease = contract.retention() != null
                && contract.retention().taxPoint() == RetentionTaxPoint.AT_RELEASE;
        boolean taxed = !request.releasesRetention() || taxAtRelease;
        if (tax.failed() && taxed) {
            return new AssembledPackage(null, BigDecimal.ZERO, tax.problem(), tax);
        }
        List<Money> nets = request.lines().stream().map(l -> Money.rounded(l.net(), currency)).toList();
        Money net = nets.stream().reduce(Money.zero(currency), Money::plus);

        Withheld withheld = request.releasesRetention() || !request.withholds() ? Withheld.none(currency)
                : withhold(rules, contract.retention(), contract.contractValue(), net, request.withheldToDate(), currency);
        List<Money> retained = allocate(withheld.amount(), nets);

        BigDecimal rate = taxed ? tax.rate() : BigDecimal.ZERO;
        String citation = taxed ? tax.citation() : TAXED_WHEN_WITHHELD;

        List<PackageLine> lines = new ArrayList<>();
        Money taxTotal = Money.zero(currency);
        Money deferred = Money.zero(currency);
        Set<String> sources = new LinkedHashSet<>();
        for (int i = 0; i < nets.size(); i++) {
            LineSource source = request.lines().get(i);
            Money lineNet = nets.get(i);
            Money fullTax = Money.rounded(Percent.of(lineNet.amount(), rate), currency);
            Money lineTax = taxAtRelease
                    ? Money.rounded(Percent.of(lineNet.minus(retained.get(i)).amount(), rate), currency) : fullTax;
            Money charged = source.gross() == null ? lineNet : Money.rounded(source.gross(), currency);
            Money gross = charged.compareTo(lineNet) > 0 ? charged : lineNet;
            lines.add(new PackageLine(i + 1, source.itemId(), source.kind(), source.description(), source.quantity(),
                    lineNet, tax.treatment(), rate, lineTax, retained.get(i), citation,
                    taxed ? source.receipt().withRules(tax.rules()) : source.receipt(), source.priorPeriod(),
                    source.unit(), gross, gross.compareTo(lineNet) == 0 ? null : source.adjustment(), null));
            taxTotal = taxTotal.plus(lineTax);
            deferred = deferred.plus(fullTax.minus(lineTax));
            sources.addAll(source.sourceEvents());
        }
        sources.add(request.triggeringEvent());

        Map<TaxTreatment, Money> byTreatment = new EnumMap<>(TaxTreatment.class);
        byTreatment.put(tax.treatment(), taxTotal);
        PackageTotals totals = new PackageTotals(net, byTreatment, taxTotal, withheld.amount(), deferred,
                net.plus(taxTotal).minus(withheld.amount()));
        BillingPackage billingPackage = new BillingPackage(
                PackageId.derive(contract.id(), request.trigger(), request.sequence()), contract.id(),
                contract.version(), request.trigger(), request.sequence(), request.issueDate(),
                contract.customer().id(), currency, contract.erpTarget(), tax.treatment(), lines, totals,
                rules.version().toString(), withheld.rules(), List.copyOf(sources), null);
        return new AssembledPackage(billingPackage, withheld.amount().amount(), null, tax);
    }

    private record Withheld(Money amount, List<String> rules) {
        static Withheld none(Currency currency) {
            return new Withheld(Money.zero(currency), List.of());
        }
    }

    private static Withheld withhold(RuleSet rules, RetentionTerms retention, BigDecimal contractValue, Money net,
                                     BigDecimal withheldToDate, Currency currency) {
        if (retention == null || retention.percent().signum() <= 0 || net.amount().signum() <= 0) {
            return Withheld.none(currency);
        }
        Evaluation evaluation = rules.evaluate(List.of(new RetentionQuery(net.amount(), retention.percent(),
                retention.capFor(contractValue), withheldToDate)));
        BigDecimal amount = evaluation.factsOf(Withholding.class).stream()
                .map(Withholding::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Withheld(Money.rounded(amount.max(BigDecimal.ZERO).min(net.amount()), currency),
                evaluation.rulesFor(f -> f instanceof Withholding));
    }

    /**
     * Spreads {@code total} over the lines in proportion to their net (largest remainder): every share is
     * rounded down to minor units, then the cents left go one each to the lines that lost most.
     */
    private static List<Money> allocate(Money total, List<Money> nets) {
        Currency currency = total.currency();
        BigDecimal sum = nets.stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Money> shares = new ArrayList<>();
        if (total.isZero() || sum.signum() <= 0) {
            nets.forEach(n -> shares.add(Money.zero(currency)));
            return shares;
        }
        int digits = Rounding.minorUnits(currency);
        BigDecimal[] exact = new BigDecimal[nets.size()];
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < nets.size(); i++) {
            exact[i] = nets.get(i).amount().multiply(total.amount()).divide(sum, Rounding.INTERMEDIATE_SCALE, Rounding.MODE);
            BigDecimal down = exact[i].setScale(digits, java.math.RoundingMode.DOWN);
            shares.add(new Money(down, currency));
            given = given.add(down);
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
        int cents = total.amount().subtract(given).divide(unit).intValue();
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < nets.size(); i++) {
            byRemainder.add(i);
        }
        byRemainder.sort((a, b) -> exact[b].subtract(shares.get(b).amount())
                .compareTo(exact[a].subtract(shares.get(a).amount())));
        for (int k = 0; k < cents && k < byRemainder.size(); k++) {
            int i = byRemainder.get(k);
            shares.set(i, new Money(shares.get(i).amount().add(unit), currency));
        }
        return shares;
    }
}
