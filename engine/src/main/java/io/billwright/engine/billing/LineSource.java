package io.billwright.engine.billing;

import io.billwright.engine.decision.Receipt;
import io.billwright.engine.item.ItemKind;
import java.math.BigDecimal;
import java.util.List;

/** An eligible amount about to become a package line. */
public record LineSource(String itemId, ItemKind kind, String description, BigDecimal quantity, BigDecimal net,
                        Receipt receipt, List<String> sourceEvents) {
}
