package io.billwright.messaging.erp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One item of an SAP billing document request.
 *
 * @param billingDocumentItem     {@code 10}, {@code 20}, ... in package line order
 * @param product                 the service product, named by the line's kind ({@code TIME}, ... , {@code RETENTION})
 * @param billingQuantityUnit     {@code H} for hours, {@code EA} otherwise
 * @param netAmount               the line's net, authoritative
 * @param taxCode                 a {@link TaxCodes} code
 * @param taxAmount               the line's tax as Billwright computed it; the connector posts it as given
 * @param referenceSDDocumentItem on a credit memo, the item of the credited invoice this item credits
 */
public record SapBillingDocumentRequestItem(
        @JsonProperty("BillingDocumentItem") String billingDocumentItem,
        @JsonProperty("Product") String product,
        @JsonProperty("BillingDocumentItemText") String billingDocumentItemText,
        @JsonProperty("BillingQuantity") String billingQuantity,
        @JsonProperty("BillingQuantityUnit") String billingQuantityUnit,
        @JsonProperty("NetAmount") String netAmount,
        @JsonProperty("TaxCode") String taxCode,
        @JsonProperty("TaxAmount") String taxAmount,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("ReferenceSDDocumentItem")
        String referenceSDDocumentItem) {
    public SapBillingDocumentRequestItem {
        Objects.requireNonNull(billingDocumentItem, "billingDocumentItem");
        Objects.requireNonNull(netAmount, "netAmount");
        Objects.requireNonNull(taxCode, "taxCode");
    }
}
