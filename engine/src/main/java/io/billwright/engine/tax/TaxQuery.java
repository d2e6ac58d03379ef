package io.billwright.engine.tax;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.CustomerTaxStatus;

/**
 * The facts tax rules decide on, for one package: who sells, who buys, where, and with which tax id.
 *
 * @param validVatId the customer's VAT id is present, in its country's format (checked by {@link TaxAreas})
 * @param business   the customer buys as a business: as the contract states it, or, when it does not, because
 *                   it gave a well-formed VAT id
 * @param taxStatusStated whether the contract stated the customer's tax status
 */
public record TaxQuery(String sellerCountry, String customerCountry, String customerRegion, String customerTaxId,
                       boolean taxExempt, boolean sellerInEu, boolean customerInEu, boolean validVatId,
                       boolean business, boolean taxStatusStated) {

    public static TaxQuery of(Contract contract) {
        var seller = contract.seller();
        var customer = contract.customer();
        boolean validVatId = TaxAreas.isValidVatId(customer.taxId(), customer.country());
        boolean business = customer.taxStatus() == null ? validVatId
                : customer.taxStatus() == CustomerTaxStatus.BUSINESS;
        return new TaxQuery(seller.country(), customer.country(), customer.region(), customer.taxId(),
                customer.taxExempt(), TaxAreas.isEu(seller.country()), TaxAreas.isEu(customer.country()),
                validVatId, business, customer.taxStatus() != null);
    }

    public boolean domestic() {
        return sellerCountry.equals(customerCountry);
    }

    /** {@code CA-ON} style code for the customer's province or state, or the country when there is no region. */
    public String customerJurisdiction() {
        return customerRegion == null ? customerCountry : customerCountry + "-" + customerRegion;
    }
}
