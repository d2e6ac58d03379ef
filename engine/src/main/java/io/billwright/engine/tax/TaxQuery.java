package io.billwright.engine.tax;

import io.billwright.engine.contract.Contract;

/**
 * The facts tax rules decide on, for one package: who sells, who buys, where, and with which tax id.
 *
 * @param validVatId the customer's VAT id is present, in its country's format (checked by {@link TaxAreas})
 */
public record TaxQuery(String sellerCountry, String customerCountry, String customerRegion, String customerTaxId,
                       boolean taxExempt, boolean sellerInEu, boolean customerInEu, boolean validVatId) {

    public static TaxQuery of(Contract contract) {
        var seller = contract.seller();
        var customer = contract.customer();
        return new TaxQuery(seller.country(), customer.country(), customer.region(), customer.taxId(),
                customer.taxExempt(), TaxAreas.isEu(seller.country()), TaxAreas.isEu(customer.country()),
                TaxAreas.isValidVatId(customer.taxId(), customer.country()));
    }

    public boolean domestic() {
        return sellerCountry.equals(customerCountry);
    }

    /** {@code CA-ON} style code for the customer's province or state, or the country when there is no region. */
    public String customerJurisdiction() {
        return customerRegion == null ? customerCountry : customerCountry + "-" + customerRegion;
    }
}
