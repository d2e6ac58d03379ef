/** Money as BigDecimal at the currency's minor units, and the single rounding policy. */
package io.billwright.engine.money;
