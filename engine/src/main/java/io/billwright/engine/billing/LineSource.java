package io.billwright.engine.billing;

import io.billwright.engine.decision.Receipt;
import io.billwright.engine.item.ItemKind;
import java.math.BigDecimal;
import java.util.List;

/**
 * An eligible amount about to become a package line.
 *
 * @param priorPeriod the item is dated before the period this package closes: it arrived (or was approved)
 *                    after that earlier period was billed, and is billed now, marked as such
 */
public record LineSource(String itemId, ItemKind kind, String description, BigDecimal quantity, BigDecimal net,
                         Receipt receipt, List<String> sourceEvents, boolean priorPeriod) {
}
