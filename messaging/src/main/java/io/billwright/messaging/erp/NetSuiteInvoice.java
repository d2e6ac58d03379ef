package io.billwright.messaging.erp;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A NetSuite invoice record (REST record service, record type {@code invoice}), field names as NetSuite
 * spells them. Ids are Billwright's; the connector resolves them to NetSuite internal ids ({@code entity}
 * by customer external id, {@code subsidiary} by seller entity, {@code currency} by ISO code).
 *
 * <p>Retention: NetSuite has no retention on a plain invoice, so the withheld amount is one negative line
 * of an "Other Charge for Sale" item {@code RETENTION} whose income account is the retention receivable,
 * with the non-taxable code {@code NT}. Not a Discount item: NetSuite applies a discount line before tax,
 * which would wrongly lower the tax of an invoice whose retention is taxed now.
 *
 * @param externalId the package id: NetSuite's upsert key ({@code PUT /invoice/eid:{externalId}}), so a
 *                   package published twice updates one invoice; {@code tranId} stays NetSuite's numbering
 * @param item       the package's lines, then the retention line when the package withholds any
 * @param subtotal   the lines' amounts added up (net less retention)
 * @param taxTotal   the lines' {@code tax1Amt} added up
 * @param total      {@code subtotal + taxTotal}, the amount due; the connector fails the import when NetSuite's
 *                   own totals differ
 */
public record NetSuiteInvoice(PackageHeader header, String externalId, String entity, String subsidiary,
                              String currency, LocalDate tranDate, String memo, List<NetSuiteInvoiceLine> item,
                              String subtotal, String taxTotal, String total) implements ErpPayload {
    public NetSuiteInvoice {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(tranDate, "tranDate");
        item = List.copyOf(item);
    }
}
