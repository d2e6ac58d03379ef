package io.billwright.engine.billing;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.item.Credit;
import io.billwright.engine.money.Money;
import io.billwright.engine.money.Rounding;
import io.billwright.engine.tax.TaxTreatment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the credit note for the credits against one invoice. Each line credits one invoice line, at that
 * line's tax treatment and rate: its tax and the retention it gives back are the invoice line's, in the
 * proportion of the line credited (all of them when the whole line is credited). Amounts on a credit note are
 * positive: the document says they are credited. {@code amountDue = net + tax - retentionWithheld} is what
 * the customer is credited, the retention never paid staying out of it.
 */
public final class CreditNoteAssembler {

    /** A credit with its receipt and the events behind it. */
    public record CreditSource(Credit credit, Receipt receipt, List<String> sourceEvents) {
    }

    public BillingPackage assemble(Contract contract, PackageId invoice, Trigger trigger, int sequence,
                                   LocalDate issueDate, List<CreditSource> credits, String ruleSetVersion,
                                   String triggeringEvent) {
        var currency = contract.currency();
        List<PackageLine> lines = new ArrayList<>();
        Money net = Money.zero(currency);
        Money tax = Money.zero(currency);
        Money retention = Money.zero(currency);
        Map<TaxTreatment, Money> byTreatment = new EnumMap<>(TaxTreatment.class);
        Set<String> sources = new LinkedHashSet<>();
        for (CreditSource source : credits) {
            Credit credit = source.credit();
            Money lineNet = Money.rounded(credit.amount(), currency);
            Money lineTax = share(credit.lineTax(), credit, currency);
            Money lineRetention = share(credit.lineRetention(), credit, currency);
            boolean mirrored = credit.fullLine() && credit.quantity() != null;
            QuantityUnit unit = mirrored ? QuantityUnit.of(credit.kind(), false) : QuantityUnit.EACH;
            BigDecimal quantity = mirrored ? credit.quantity() : BigDecimal.ONE;
            String text = (credit.fullLine() ? "Credit of " : "Credit of part of ") + "line " + credit.lineNo()
                    + " (" + credit.sourceItemId() + "): " + credit.description();
            lines.add(new PackageLine(lines.size() + 1, credit.itemId(), credit.kind(), text, quantity, lineNet,
                    credit.treatment(), credit.taxRate(), lineTax, lineRetention, credit.taxCitation(),
                    source.receipt(), false, unit, lineNet, null, credit.lineNo()));
            net = net.plus(lineNet);
            tax = tax.plus(lineTax);
            retention = retention.plus(lineRetention);
            byTreatment.merge(credit.treatment(), lineTax, Money::plus);
            sources.addAll(source.sourceEvents());
        }
        sources.add(triggeringEvent);
        TaxTreatment treatment = credits.get(0).credit().treatment();
        PackageTotals totals = new PackageTotals(net, byTreatment, tax, retention, Money.zero(currency),
                net.plus(tax).minus(retention));
        return new BillingPackage(PackageId.derive(contract.id(), trigger, sequence), contract.id(), contract.version(),
                trigger, sequence, issueDate, contract.customer().id(), currency, contract.erpTarget(), treatment, lines,
                totals, ruleSetVersion, List.of(), List.copyOf(sources), invoice);
    }

    /** The part of an invoice line's {@code amount} that goes with the credited part of its net. */
    private static Money share(BigDecimal amount, Credit credit, java.util.Currency currency) {
        if (amount == null || amount.signum() == 0 || credit.lineNet() == null || credit.lineNet().signum() == 0) {
            return Money.zero(currency);
        }
        if (credit.fullLine() || credit.amount().compareTo(credit.lineNet()) >= 0) {
            return Money.rounded(amount, currency);
        }
        BigDecimal part = amount.multiply(credit.amount()).divide(credit.lineNet(), 10, Rounding.MODE);
        return Money.rounded(part, currency);
    }
}
