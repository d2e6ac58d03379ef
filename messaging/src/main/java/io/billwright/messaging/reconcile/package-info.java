/**
 * The {@code reconcile} tool: replays the service's event log through the engine, with the rule set that decided
 * each message, and reports every way the stored state, the packages issued and the broker's confirmations
 * differ from the replay, with a cause a finance or operations person can act on.
 */
package io.billwright.messaging.reconcile;
