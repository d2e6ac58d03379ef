/**
 * Finance operations: the exceptions workbench (held and rejected items with their age, manual release and
 * write-off under four eyes), parked messages with replay, packages the ERP has not acknowledged or has
 * rejected, the operations audit, and the gauges behind the business KPIs. Served at {@code /ops}.
 */
package io.billwright.messaging.operations;
