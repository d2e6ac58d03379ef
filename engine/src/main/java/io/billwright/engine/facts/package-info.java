/**
 * The fact model rules work with: the positions the engine inserts (cap, retainer hours) and the
 * conclusions rules insert about items (charge, hold, reject, track, limit, drawdown). Tax and
 * retention have their own packages.
 */
package io.billwright.engine.facts;
