package io.billwright.simulations.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The terms of one version of a contract that change between versions (an amendment raises rates, a cap or a
 * retainer fee), and when the CRM sends it.
 *
 * @param rates       hourly rate per role, in the contract currency
 * @param notToExceed the cap, or null
 * @param retainerFee the fee per period of a retainer, or null
 * @param sentAt      epoch second the CRM sends this version
 */
record ContractVersion(int version, LocalDate effectiveFrom, Map<Role, BigDecimal> rates, BigDecimal notToExceed,
                       BigDecimal retainerFee, long sentAt) {
    ContractVersion {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        rates = Collections.unmodifiableMap(new EnumMap<>(rates));
    }

    BigDecimal rate(Role role) {
        return rates.get(role);
    }
}
