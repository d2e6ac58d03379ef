/** Decisions on items (eligible, held, rejected, tracked), their reasons and their receipts. */
package io.billwright.engine.decision;
