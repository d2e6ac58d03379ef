package io.billwright.engine.billing;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.Receipt;
import io.billwright.engine.item.Credit;
import io.billwright.engine.money.Money;
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
 * line's tax treatment and rate: its tax and the retention it gives back were worked out from the invoice line
 * when the correction was settled ({@link Credit}). After the contract's retention was released, a credit gives
 * back no retention: the release invoiced it, so the credit is of net and tax in full. Amounts on a credit note are
 * positive: the document says they are credited. {@code amountDue = net + tax - retentionWithheld} is what
 * the customer is credited, the retention never paid staying out of it.
 */
public final class CreditNoteAssembler {

    /** A credit with its receipt and the events behind it. */
    public record CreditSource(Credit credit, Receipt receipt, List<String> sourceEvents) {
    }

    /** @param retentionReleased the contract's retention was released: credits give none back */
    public BillingPackage assemble(Contract contract, PackageId invoice, Trigger trigger, int sequence,
                                   LocalDate issueDate, List<CreditSource> credits, String ruleSetVersion,
                                   String triggeringEvent, boolean retentionReleased) {
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
            Money lineTax = Money.rounded(credit.tax(), currency);
            Money lineRetention = retentionReleased ? Money.zero(currency) : Money.rounded(credit.retention(), currency);
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
}
