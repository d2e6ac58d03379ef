package io.billwright.engine.billing;

import io.billwright.engine.decision.Receipt;
import io.billwright.engine.item.ItemKind;
import java.math.BigDecimal;
import java.util.List;

/**
 * An eligible amount about to become a package line.
 *
 * @param quantity    hours as recorded for time (less retainer hours drawn), 1 otherwise
 * @param unit        what the quantity counts
 * @param net         the amount to bill
 * @param gross       what the rules charged before a limit cut it; equal to {@code net} when none did
 * @param adjustment  why a limit cut the charge, or null
 * @param priorPeriod the item is dated before the period this package closes: it arrived (or was approved)
 *                    after that earlier period was billed, and is billed now, marked as such
 */
public record LineSource(String itemId, ItemKind kind, String description, BigDecimal quantity, QuantityUnit unit,
                         BigDecimal net, BigDecimal gross, String adjustment, Receipt receipt,
                         List<String> sourceEvents, boolean priorPeriod) {
}
