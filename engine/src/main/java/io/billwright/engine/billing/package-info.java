/** Billing packages: lines, tax treatment, totals and their deterministic ids. */
package io.billwright.engine.billing;
