package io.billwright.messaging.erp;

/** A billing package as one ERP expects it. Every payload starts with the same Billwright header. */
public sealed interface ErpPayload permits NetSuiteInvoice, NetSuiteCreditMemo, SapBillingDocumentRequest,
        Dynamics365FreeTextInvoice {

    /** Billwright's own identifiers and totals, the same for every ERP; not sent to the ERP itself. */
    PackageHeader header();
}
