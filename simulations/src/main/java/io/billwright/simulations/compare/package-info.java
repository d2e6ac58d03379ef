/** The two sides of a what-if compared: totals by dimension, changed lines and invoices, the rules' impact. */
package io.billwright.simulations.compare;
