/** Finance's own tables (tax rates, retention) applied to the candidate, and said in words for the reports. */
package io.billwright.simulations.overrides;
