package io.billwright.simulations.generate;

import io.billwright.engine.contract.ErpTarget;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * One of the firm's legal entities: it issues the invoices of its contracts, in its currency, into its ERP.
 *
 * @param region state or province, or null
 */
record Seller(String id, String country, String region, Currency currency, ErpTarget erp) {

    Seller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(erp, "erp");
    }

    /** The firm's entities: three in the euro area, and one each in GB, the US, Canada, Australia and Singapore. */
    static final List<Seller> ENTITIES = List.of(
            new Seller("BW-DE", "DE", null, Currency.getInstance("EUR"), ErpTarget.SAP_S4HANA),
            new Seller("BW-FR", "FR", null, Currency.getInstance("EUR"), ErpTarget.SAP_S4HANA),
            new Seller("BW-NL", "NL", null, Currency.getInstance("EUR"), ErpTarget.SAP_S4HANA),
            new Seller("BW-GB", "GB", null, Currency.getInstance("GBP"), ErpTarget.DYNAMICS_365),
            new Seller("BW-US", "US", "NY", Currency.getInstance("USD"), ErpTarget.NETSUITE),
            new Seller("BW-CA", "CA", "ON", Currency.getInstance("CAD"), ErpTarget.NETSUITE),
            new Seller("BW-AU", "AU", null, Currency.getInstance("AUD"), ErpTarget.DYNAMICS_365),
            new Seller("BW-SG", "SG", null, Currency.getInstance("SGD"), ErpTarget.DYNAMICS_365));

    static Seller byId(String id) {
        return ENTITIES.stream().filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no seller " + id));
    }
}
