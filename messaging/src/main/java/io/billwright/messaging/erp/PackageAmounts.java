package io.billwright.messaging.erp;

import java.util.Objects;

/**
 * A package's totals as decimal strings at the currency's minor units: {@code amountDue = net + tax - retentionWithheld}.
 *
 * @param net                  the sum of the lines' net amounts, before retention
 * @param retentionTaxDeferred when retention is taxed at release: the tax on the withheld part, left out of
 *                             {@code tax} until the release package charges it; otherwise zero
 */
public record PackageAmounts(String currency, String net, String tax, String retentionWithheld,
                             String retentionTaxDeferred, String amountDue) {
    public PackageAmounts {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(retentionWithheld, "retentionWithheld");
        Objects.requireNonNull(retentionTaxDeferred, "retentionTaxDeferred");
        Objects.requireNonNull(amountDue, "amountDue");
    }
}
