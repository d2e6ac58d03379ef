package io.billwright.simulations.compare;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one rule set left an item at the end of the replay.
 *
 * @param status    ELIGIBLE, HELD, REJECTED or TRACKED; "NONE" when this side has no such item (the part of an
 *                  item over a cap or a limit, a retention release, exists on one side only)
 * @param reason    the reason code of a hold or rejection, empty otherwise
 * @param billed    the amount billed for it
 * @param pending   the amount held, or eligible and waiting for its trigger
 * @param packageId the package that billed it, empty when none did
 * @param rules     the rules that produced the decision, in firing order
 */
public record ItemSide(String status, String reason, BigDecimal billed, BigDecimal pending, String packageId,
                       List<String> rules) {

    public ItemSide {
        rules = List.copyOf(rules);
    }
}
