package io.billwright.simulations.generate;

import java.math.BigDecimal;

/** The roles on the firm's rate cards, with a list price per hour in euros and their share of the staff. */
enum Role {
    ANALYST("95", 25),
    CONSULTANT("130", 35),
    SENIOR("170", 22),
    MANAGER("215", 12),
    PARTNER("295", 6);

    private final BigDecimal euroRate;
    private final int share;

    Role(String euroRate, int share) {
        this.euroRate = new BigDecimal(euroRate);
        this.share = share;
    }

    BigDecimal euroRate() {
        return euroRate;
    }

    static int[] shares() {
        int[] shares = new int[values().length];
        for (Role role : values()) {
            shares[role.ordinal()] = role.share;
        }
        return shares;
    }
}
