/** Domain events: what happened to a contract, one per engine call. */
package io.billwright.engine.event;
