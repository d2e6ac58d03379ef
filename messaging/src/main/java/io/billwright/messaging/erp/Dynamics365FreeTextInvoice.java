package io.billwright.messaging.erp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A Dynamics 365 Finance customer free text invoice (data entities {@code FreeTextInvoiceHeader} and
 * {@code FreeTextInvoiceLine}), field names as Dynamics spells them. Ids are Billwright's; the connector
 * maps them to the legal entity's (company, customer account, sales tax groups, main accounts).
 *
 * <p>Retention: Dynamics 365 keeps retention only on project contracts (Project management and
 * accounting), which a free text invoice is not part of. So the withheld amount is one negative line on
 * the retention receivable account ({@code MainAccount} {@code RETENTION-RECEIVABLE}), in the item sales
 * tax group {@code RETENTION}, which holds no tax code: it carries no tax and the invoice total is the
 * amount due.
 *
 * @param dataAreaId        the legal entity (company): the seller entity
 * @param externalInvoiceId the package id, which the connector deduplicates on; {@code InvoiceId} is left to
 *                          the legal entity's number sequence, as invoice numbers must run in sequence
 * @param lines             the package's lines, then the retention line when the package withholds any; on a
 *                          credit note every line is negative (quantity and amounts), as Dynamics credits
 * @param creditedExternalInvoiceId on a credit note, the {@code ExternalInvoiceId} of the invoice it credits
 */
public record Dynamics365FreeTextInvoice(
        PackageHeader header,
        @JsonProperty("dataAreaId") String dataAreaId,
        @JsonProperty("CustomerAccount") String customerAccount,
        @JsonProperty("InvoiceDate") LocalDate invoiceDate,
        @JsonProperty("CurrencyCode") String currencyCode,
        @JsonProperty("ExternalInvoiceId") String externalInvoiceId,
        @JsonProperty("Lines") List<Dynamics365FreeTextInvoiceLine> lines,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("CreditedExternalInvoiceId")
        String creditedExternalInvoiceId) implements ErpPayload {
    public Dynamics365FreeTextInvoice {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(customerAccount, "customerAccount");
        Objects.requireNonNull(invoiceDate, "invoiceDate");
        lines = List.copyOf(lines);
    }
}
