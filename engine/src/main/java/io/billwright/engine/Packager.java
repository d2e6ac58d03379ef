package io.billwright.engine;

import io.billwright.engine.ruleset.EngineRule;
import io.billwright.engine.billing.AssembledPackage;
import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.billing.LineSource;
import io.billwright.engine.billing.PackageAssembler;
import io.billwright.engine.billing.CreditNoteAssembler;
import io.billwright.engine.billing.PackageId;
import io.billwright.engine.billing.PackageRequest;
import io.billwright.engine.event.BillingPeriod;
import io.billwright.engine.item.Credit;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import io.billwright.engine.billing.QuantityUnit;
import io.billwright.engine.item.Excess;
import io.billwright.engine.billing.Trigger;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.money.Money;
import io.billwright.engine.state.BilledLine;
import io.billwright.engine.state.ItemRecord;
import java.time.LocalDate;
import java.util.List;

/** Issues a package for eligible item records and marks them billed, or holds them when it cannot. */
final class Packager {

    private final PackageAssembler assembler = new PackageAssembler();
    private final CreditNoteAssembler creditNotes = new CreditNoteAssembler();

    /** @return the package, or null when none was issued (nothing to bill, or no tax rate) */
    BillingPackage issue(Step step, Contract contract, Trigger trigger, LocalDate issueDate, List<ItemRecord> records,
                         boolean releasesRetention) {
        return issue(step, contract, trigger, issueDate, records, releasesRetention, null);
    }

    /**
     * @param periodStart the first day of the period a close bills, or null for any other trigger: an item
     *                    dated before it is marked prior-period on its line
     */
    BillingPackage issue(Step step, Contract contract, Trigger trigger, LocalDate issueDate, List<ItemRecord> records,
                         boolean releasesRetention, LocalDate periodStart) {
        if (records.isEmpty()) {
            return null;
        }
        int sequence = step.state.packagesFor(trigger.toString()) + 1;
        List<LineSource> lines = records.stream()
                .map(r -> new LineSource(r.itemId(), r.kind(), r.description(), r.quantity(),
                        QuantityUnit.of(r.kind(), r.item() instanceof Excess), r.pending(), r.grossOr(r.pending()),
                        r.adjustment(), r.receipt(), r.sourceEvents(),
                        periodStart != null && r.date() != null && r.date().isBefore(periodStart)))
                .toList();
        AssembledPackage assembled = assembler.assemble(step.rules, new PackageRequest(contract, trigger, sequence,
                issueDate, lines, step.state.retentionWithheld(), releasesRetention, !step.state.completed(),
                step.eventId()));
        if (!assembled.issued()) {
            for (ItemRecord record : records) {
                step.decisions.add(new Decision(record.itemId(), record.kind(), DecisionStatus.HELD,
                        assembled.tax().reason(),
                        assembled.problem(),
                        new Money(record.pending(), contract.currency()),
                        record.receipt().withRules(assembled.tax().rules()).withRules(
                                assembled.tax().holdReason() != null ? List.of()
                                        : List.of((assembled.tax().conflict() ? EngineRule.TAX_RULES_CONFLICT
                                        : EngineRule.TAX_RATE_MISSING).ruleName()))));
            }
            step.note("no package for " + trigger + ": " + assembled.problem());
            return null;
        }
        BillingPackage billingPackage = assembled.billingPackage();
        var state = step.state.withPackageIssued(trigger.toString())
                .withRetentionWithheld(step.state.retentionWithheld().add(assembled.withheld()));
        for (int i = 0; i < records.size(); i++) {
            String id = billingPackage.id().value();
            state = state.withItem(records.get(i).billedIn(id, BilledLine.of(id, billingPackage.lines().get(i))));
        }
        step.state = state;
        step.packages.add(billingPackage);
        return billingPackage;
    }

    /**
     * Issues one credit note per invoice that has credits waiting, dated the period's end, before the
     * period's invoice (which bills again what was credited and re-decided). The retention a credit gives
     * back leaves the contract's withheld total.
     */
    void issueCreditNotes(Step step, Contract contract, BillingPeriod period) {
        Map<String, List<ItemRecord>> byInvoice = new TreeMap<>();
        for (ItemRecord record : step.state.itemsSorted(r -> r.isPending() && r.item() instanceof Credit)) {
            byInvoice.computeIfAbsent(((Credit) record.item()).packageId(), k -> new ArrayList<>()).add(record);
        }
        for (Map.Entry<String, List<ItemRecord>> invoice : byInvoice.entrySet()) {
            List<ItemRecord> records = invoice.getValue();
            PackageId invoiceId = new PackageId(invoice.getKey());
            Trigger trigger = Trigger.creditNote(period.id(), invoiceId);
            int sequence = step.state.packagesFor(trigger.toString()) + 1;
            List<CreditNoteAssembler.CreditSource> credits = records.stream()
                    .map(r -> new CreditNoteAssembler.CreditSource((Credit) r.item(), r.receipt(), r.sourceEvents()))
                    .toList();
            BillingPackage note = creditNotes.assemble(contract, invoiceId, trigger, sequence, period.end(), credits,
                    step.rules.version().toString(), step.eventId(), step.state.completed());
            var state = step.state.withPackageIssued(trigger.toString()).withRetentionWithheld(
                    step.state.retentionWithheld().subtract(note.totals().retentionWithheld().amount()));
            for (int i = 0; i < records.size(); i++) {
                String id = note.id().value();
                state = state.withItem(records.get(i).billedIn(id, BilledLine.of(id, note.lines().get(i))));
            }
            step.state = state;
            step.packages.add(note);
        }
    }
}
