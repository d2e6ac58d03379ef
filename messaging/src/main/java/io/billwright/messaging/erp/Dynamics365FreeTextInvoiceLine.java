package io.billwright.messaging.erp;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One line of a Dynamics 365 free text invoice.
 *
 * @param mainAccount       the ledger account alias, {@code REVENUE-} and the line's kind, or
 *                          {@code RETENTION-RECEIVABLE} for retention withheld or released; the connector
 *                          maps it to the legal entity's main account
 * @param salesTaxGroup     a {@link TaxCodes} code, as the sales tax group
 * @param itemSalesTaxGroup {@code SERVICES}, or {@code RETENTION} (no tax code) for the retention deduction
 * @param lineAmount        the line's net, authoritative
 * @param salesTaxAmount    the line's tax as Billwright computed it; the connector adjusts Dynamics' calculated
 *                          tax to it when the two differ
 */
public record Dynamics365FreeTextInvoiceLine(
        @JsonProperty("LineNumber") int lineNumber,
        @JsonProperty("Description") String description,
        @JsonProperty("MainAccount") String mainAccount,
        @JsonProperty("Quantity") String quantity,
        @JsonProperty("UnitPrice") String unitPrice,
        @JsonProperty("LineAmount") String lineAmount,
        @JsonProperty("SalesTaxGroup") String salesTaxGroup,
        @JsonProperty("ItemSalesTaxGroup") String itemSalesTaxGroup,
        @JsonProperty("SalesTaxAmount") String salesTaxAmount) {
    public Dynamics365FreeTextInvoiceLine {
        Objects.requireNonNull(mainAccount, "mainAccount");
        Objects.requireNonNull(lineAmount, "lineAmount");
        Objects.requireNonNull(salesTaxGroup, "salesTaxGroup");
    }

    /** The same line credited: quantity, line amount and tax negated (the unit price stays as invoiced). */
    public Dynamics365FreeTextInvoiceLine credited() {
        return new Dynamics365FreeTextInvoiceLine(lineNumber, description, mainAccount, negate(quantity), unitPrice,
                negate(lineAmount), salesTaxGroup, itemSalesTaxGroup, negate(salesTaxAmount));
    }

    private static String negate(String decimal) {
        return decimal == null ? null : new java.math.BigDecimal(decimal).negate().toPlainString();
    }
}
