package io.billwright.engine.billing;

import io.billwright.engine.contract.RetentionTaxPoint;
import io.billwright.engine.contract.RetentionTerms;
import io.billwright.engine.facts.RetentionQuery;
import io.billwright.engine.facts.Withholding;
import io.billwright.engine.money.Money;
import io.billwright.engine.money.Percent;
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
 * Builds a billing package: taxes each line by the treatment the tax rules chose, withholds retention
 * as the retention rules say, and totals it. Rounding: each line's net and tax to minor units, totals
 * as sums of lines (see {@link io.billwright.engine.money.Rounding}).
 */
public final class PackageAssembler {

    private final TaxDeterminer taxes = new TaxDeterminer();

    public AssembledPackage assemble(RuleSet rules, PackageRequest request) {
        var contract = request.contract();
        Currency currency = contract.currency();
        TaxOutcome tax = taxes.determine(rules, contract);
        if (tax.failed()) {
            return new AssembledPackage(null, BigDecimal.ZERO, tax.problem(), tax);
        }
        boolean taxAtRelease = contract.retention() != null
                && contract.retention().taxPoint() == RetentionTaxPoint.AT_RELEASE;
        List<PackageLine> lines = new ArrayList<>();
        Money net = Money.zero(currency);
        Money taxTotal = Money.zero(currency);
        Set<String> sources = new LinkedHashSet<>();
        for (LineSource source : request.lines()) {
            Money lineNet = Money.rounded(source.net(), currency);
            boolean taxed = !request.releasesRetention() || taxAtRelease;
            BigDecimal rate = taxed ? tax.rate() : BigDecimal.ZERO;
            Money lineTax = Money.rounded(Percent.of(lineNet.amount(), rate), currency);
            String citation = taxed ? tax.citation() : "tax was charged on the invoices the retention was withheld from";
            lines.add(new PackageLine(lines.size() + 1, source.itemId(), source.kind(), source.description(),
                    source.quantity(), lineNet, tax.treatment(), rate, lineTax, citation,
                    source.receipt().withRules(tax.rules())));
            net = net.plus(lineNet);
            taxTotal = taxTotal.plus(lineTax);
            sources.addAll(source.sourceEvents());
        }
        sources.add(request.triggeringEvent());

        Money withheld = Money.zero(currency);
        List<String> retentionRules = List.of();
        RetentionTerms retention = contract.retention();
        if (!request.releasesRetention() && retention != null && retention.percent().signum() > 0) {
            Evaluation evaluation = rules.evaluate(List.of(new RetentionQuery(net.amount(), retention.percent(),
                    retention.cap(), request.withheldToDate())));
            BigDecimal amount = evaluation.factsOf(Withholding.class).stream()
                    .map(Withholding::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            withheld = Money.rounded(amount.max(BigDecimal.ZERO).min(net.amount()), currency);
            retentionRules = evaluation.rulesFor(f -> f instanceof Withholding);
        }
        Money deferred = taxAtRelease ? Money.rounded(Percent.of(withheld.amount(), tax.rate()), currency)
                : Money.zero(currency);
        taxTotal = taxTotal.minus(deferred);
        Map<TaxTreatment, Money> byTreatment = new EnumMap<>(TaxTreatment.class);
        byTreatment.put(tax.treatment(), taxTotal);
        PackageTotals totals = new PackageTotals(net, byTreatment, taxTotal, withheld, deferred,
                net.plus(taxTotal).minus(withheld));
        BillingPackage billingPackage = new BillingPackage(
                PackageId.derive(contract.id(), request.trigger(), request.sequence()), contract.id(),
                contract.version(), request.trigger(), request.sequence(), request.issueDate(),
                contract.customer().id(), currency, contract.erpTarget(), tax.treatment(), lines, totals,
                rules.version().toString(), retentionRules, List.copyOf(sources));
        return new AssembledPackage(billingPackage, withheld.amount(), null, tax);
    }
}
