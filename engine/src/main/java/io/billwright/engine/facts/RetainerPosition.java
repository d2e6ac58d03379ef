package io.billwright.engine.facts;

import java.math.BigDecimal;

/** Retainer hours still available in the current period (including hours rolled over). */
public record RetainerPosition(BigDecimal hoursRemaining) {
}
