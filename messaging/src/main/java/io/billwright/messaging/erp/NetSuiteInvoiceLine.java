package io.billwright.messaging.erp;

import java.util.Objects;

/**
 * One line of a NetSuite invoice's {@code item} sublist.
 *
 * @param item    the service item, named by the line's kind ({@code TIME}, {@code EXPENSE}, ... , {@code RETENTION})
 * @param rate    price per unit: amount / quantity, exact or to six decimals; the amount is authoritative
 * @param amount  the line's net, authoritative
 * @param taxCode a {@link TaxCodes} code
 * @param tax1Amt the line's tax as Billwright computed it; the connector posts it as given (tax override)
 * @param memo    the Billwright item id the line bills
 */
public record NetSuiteInvoiceLine(String item, String description, String quantity, String rate, String amount,
                                  String taxCode, String tax1Amt, String memo) {
    public NetSuiteInvoiceLine {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(taxCode, "taxCode");
    }
}
