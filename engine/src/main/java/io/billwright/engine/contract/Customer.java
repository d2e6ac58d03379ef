package io.billwright.engine.contract;

import java.util.Objects;

/**
 * The invoiced party.
 *
 * @param country  ISO 3166-1 alpha-2
 * @param region   state or province code (US, CA), or null
 * @param taxId    VAT, GST or other tax id as registered, or null
 * @param taxStatus business or consumer as the contract states it; null when the contract does not say (the
 *                  tax rules then take a customer with a well-formed VAT id for a business, as before)
 */
public record Customer(String id, String name, String country, String region, String taxId, boolean taxExempt,
                       CustomerTaxStatus taxStatus) {
    public Customer {
        Objects.requireNonNull(id, "customer.id");
        Objects.requireNonNull(country, "customer.country");
        country = country.toUpperCase(java.util.Locale.ROOT);
        region = region == null || region.isBlank() ? null : region.toUpperCase(java.util.Locale.ROOT);
        if (region != null && region.startsWith(country + "-")) {
            region = region.substring(country.length() + 1); // "US-HI" given for "HI"
        }
        taxId = taxId == null || taxId.isBlank() ? null : taxId.replace(" ", "");
    }
}
