/**
 * Per-contract reconciliation: what a contract's recorded work stands at (eligible, billed, held, tracked,
 * rejected, credited) and whether the state's figures add up.
 */
package io.billwright.engine.reconcile;
