package io.billwright.messaging.erp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An SAP S/4HANA billing document request, field names as in the SAP API Business Hub billing document
 * and sales order APIs. Keys are Billwright's; the connector maps them to SAP's (sales organization,
 * customer number, product, tax code).
 *
 * <p>Retention: one item of the service product {@code RETENTION} with a negative net value and tax code
 * {@code NT}, posted through its account key to the retention receivable. It needs an item category that
 * allows negative values in the billing type; it keeps the document's gross value equal to the amount due.
 *
 * @param billingDocumentType     {@code F2}, invoice, or {@code G2}, credit memo
 * @param referenceSDDocument     on a credit memo, the invoice it credits, as that invoice's
 *                                {@code PurchaseOrderByCustomer}; absent on an invoice
 * @param salesOrganization       the seller entity
 * @param soldToParty             the customer
 * @param purchaseOrderByCustomer the package id in 35 characters (SAP's field length, BSTKD): {@code PKG} and the
 *                                32 hex digits of its UUID; the connector deduplicates on it
 * @param totalNetAmount          the items' net values added up (net less retention)
 * @param totalTaxAmount          the items' tax added up
 * @param totalGrossAmount        net plus tax: the amount due
 */
public record SapBillingDocumentRequest(
        PackageHeader header,
        @JsonProperty("BillingDocumentType") String billingDocumentType,
        @JsonProperty("SalesOrganization") String salesOrganization,
        @JsonProperty("SoldToParty") String soldToParty,
        @JsonProperty("BillingDocumentDate") LocalDate billingDocumentDate,
        @JsonProperty("TransactionCurrency") String transactionCurrency,
        @JsonProperty("PurchaseOrderByCustomer") String purchaseOrderByCustomer,
        @JsonProperty("TotalNetAmount") String totalNetAmount,
        @JsonProperty("TotalTaxAmount") String totalTaxAmount,
        @JsonProperty("TotalGrossAmount") String totalGrossAmount,
        @JsonProperty("to_Item") List<SapBillingDocumentRequestItem> items,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("ReferenceSDDocument") String referenceSDDocument)
        implements ErpPayload {
    public SapBillingDocumentRequest {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(soldToParty, "soldToParty");
        Objects.requireNonNull(billingDocumentDate, "billingDocumentDate");
        items = List.copyOf(items);
    }
}
