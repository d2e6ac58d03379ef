package io.billwright.simulations.generate;

import io.billwright.engine.contract.CustomerTaxStatus;
import java.util.Currency;
import java.util.Objects;

/**
 * A customer as the CRM holds it, and the firm's entity that serves it.
 *
 * @param region    state or province (US, CA), or null
 * @param taxId     VAT, GST or other registration number, or null
 * @param taxStatus business or consumer as the CRM states it, or null when it does not
 * @param currency  the local currency, which consultants on site pay their expenses in
 */
record CustomerProfile(String id, String name, String country, String region, String taxId, boolean taxExempt,
                       CustomerTaxStatus taxStatus, Currency currency, Seller seller) {
    CustomerProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(seller, "seller");
    }
}
