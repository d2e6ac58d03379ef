package io.billwright.engine.contract;

import java.util.Objects;

/** The firm's legal entity that issues the invoice. */
public record SellerEntity(String id, String country, String region) {
    public SellerEntity {
        Objects.requireNonNull(id, "seller.id");
        Objects.requireNonNull(country, "seller.country");
        country = country.toUpperCase(java.util.Locale.ROOT);
        region = region == null || region.isBlank() ? null : region.toUpperCase(java.util.Locale.ROOT);
    }
}
