package io.billwright.engine.item;

import io.billwright.engine.tax.TaxTreatment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An amount to credit against a line of an invoice already issued, waiting for the next credit note. It
 * carries the line as it was invoiced: a credit is taxed at the invoice's treatment and rate, never at
 * today's, and gives back the invoice's retention in proportion.
 *
 * @param sourceItemId the item the invoice billed ({@code TE-7})
 * @param sourceKey    where the item is kept in the contract's state
 * @param sequence     1 for the item's first credit, 2 for its second, ...
 * @param packageId    the invoice
 * @param lineNo       the invoice's line
 * @param amount       what to credit, net, in the contract currency (positive)
 * @param tax          the invoice line's tax that goes with it (all of what is left of it for a whole line)
 * @param retention    the retention withheld on the invoice line that goes with it
 * @param quantity     the invoice line's quantity, repeated on the credit; null when the credit is one sum (a
 *                     difference, or a line a limit cut)
 * @param fullLine     the whole line is credited, not a difference
 */
public record Credit(String sourceItemId, String sourceKey, int sequence, ItemKind kind, LocalDate date, String packageId,
                     int lineNo, BigDecimal amount, BigDecimal tax, BigDecimal retention,
                     TaxTreatment treatment, BigDecimal taxRate, String taxCitation, String description,
                     BigDecimal quantity, boolean fullLine) implements Item {
    public Credit {
        Objects.requireNonNull(sourceItemId, "sourceItemId");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(taxRate, "taxRate");
    }

    @Override
    public String itemId() {
        return sourceItemId + "#credit-" + sequence;
    }

    @Override
    public String stateKey() {
        return StateKind.CREDIT.key(sourceKey + "#" + sequence);
    }

    @Override
    public StateKind stateKind() {
        return StateKind.CREDIT;
    }
}
