/**
 * The fact model rules work with: positions and queries the engine inserts, and the conclusions
 * (charge, hold, reject, track, limit, drawdown, tax, withholding) rules insert in return.
 */
package io.billwright.engine.facts;
