package io.billwright.messaging.erp;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A NetSuite credit memo record (REST record service, record type {@code creditMemo}) for a Billwright credit
 * note, created from the invoice it credits. Lines and totals are positive, as NetSuite records a credit memo;
 * each line is taxed with the credited invoice line's code, and the retention the credit gives back is one
 * negative {@code RETENTION} line, as on the invoice.
 *
 * @param externalId  the credit note's package id: the upsert key ({@code PUT /creditMemo/eid:{externalId}})
 * @param createdFrom the credited invoice's {@code externalId} (its package id); the connector resolves it to
 *                    the invoice's internal id ({@code createdFrom}, or applies the memo to it)
 * @param item        one line per credited invoice line (its memo the credit's item id), then the retention line
 * @param total       {@code subtotal + taxTotal}: what the customer is credited
 */
public record NetSuiteCreditMemo(PackageHeader header, String externalId, String createdFrom, String entity,
                                 String subsidiary, String currency, LocalDate tranDate, String memo,
                                 List<NetSuiteInvoiceLine> item, String subtotal, String taxTotal, String total)
        implements ErpPayload {
    public NetSuiteCreditMemo {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(tranDate, "tranDate");
        item = List.copyOf(item);
    }
}
