/** Applying one inbound message: lock, dedup, engine, one transaction for everything it changes. */
package io.billwright.messaging.processing;
