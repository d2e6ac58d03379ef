/** The self-contained HTML report of a what-if comparison, for finance: totals, charts and changed lines. */
package io.billwright.simulations.report;
